package dev.autodidact.media.image;

import dev.autodidact.media.image.internal.Resampler;

/**
 * Brings any image to the canonical square of the {@code clean.image} topic: resize so that the shorter side equals
 * {@code size}, then crop the centre {@code size x size}.
 *
 * <p>The centre square of the source (side = its shorter side) is resampled directly, which is the same as resizing
 * and then cropping but does not spend work on pixels that would be cut away. Shrinking averages areas, so fine detail
 * does not alias into false patterns; growing interpolates bilinearly. An image already {@code size x size} is
 * returned as it is.
 */
public final class ImageCanonicalizer {
    private final int size;

    /** @param size the side of the canonical square, at least 1 */
    public ImageCanonicalizer(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Canonical size must be positive, got " + size);
        }
        this.size = size;
    }

    /** @return the side of the canonical square */
    public int size() {
        return size;
    }

    /**
     * @param image any image
     * @return a {@code size x size} image: the centre of {@code image} after scaling its shorter side to {@code size}
     */
    public RgbImage canonicalize(RgbImage image) {
        if (image.width() == size && image.height() == size) {
            return image;
        }
        int side = Math.min(image.width(), image.height());
        int x0 = (image.width() - side) / 2;
        int y0 = (image.height() - side) / 2;
        byte[] pixels = Resampler.resample(image.pixels(), image.width(), x0, y0, side, side, size, size);
        return new RgbImage(size, size, pixels);
    }
}
