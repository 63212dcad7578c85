package dev.autodidact.media.image;

/**
 * Limits an image must meet before it is decoded: encoded size, pixel count and longest side. The pixel limits are
 * checked against the header, so an image that claims huge dimensions is rejected without allocating its pixels.
 *
 * @param maxBytes most encoded bytes accepted
 * @param maxPixels most pixels ({@code width * height}) accepted
 * @param maxSide longest width or height accepted
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxSide) {
    /** 8 MiB of encoded bytes. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    /** 40 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** 16384 pixels on either side. */
    public static final int DEFAULT_MAX_SIDE = 16_384;

    /** Validates that every limit is positive. */
    public ImageLimits {
        if (maxBytes < 1 || maxPixels < 1 || maxSide < 1) {
            throw new IllegalArgumentException("Image limits must be positive, got maxBytes=" + maxBytes
                    + ", maxPixels=" + maxPixels + ", maxSide=" + maxSide);
        }
    }

    /** @return the default limits: 8 MiB, 40 Mpx, 16384 px per side */
    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);
    }

    /**
     * @param bytes the new byte limit
     * @return these limits with {@code maxBytes} replaced
     */
    public ImageLimits withMaxBytes(long bytes) {
        return new ImageLimits(bytes, maxPixels, maxSide);
    }

    /**
     * @param pixels the new pixel-count limit
     * @return these limits with {@code maxPixels} replaced
     */
    public ImageLimits withMaxPixels(long pixels) {
        return new ImageLimits(maxBytes, pixels, maxSide);
    }

    /**
     * @param side the new side limit
     * @return these limits with {@code maxSide} replaced
     */
    public ImageLimits withMaxSide(int side) {
        return new ImageLimits(maxBytes, maxPixels, side);
    }
}
