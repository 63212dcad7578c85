package dev.autodidact.media.image;

import dev.autodidact.media.image.internal.AwtConversion;
import dev.autodidact.media.image.internal.ChwPacking;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * An 8-bit RGB image: {@code width * height * 3} bytes, interleaved RGB, row-major (HWC), unsigned values.
 *
 * <p>The pixel array is shared, not copied, so that the hot paths (decode, augment, pack into tensors) stay
 * allocation-free; treat {@link #pixels()} as read-only. Equality compares dimensions and pixel values.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] pixels;

    /**
     * Wraps interleaved RGB bytes.
     *
     * @param width width in pixels, at least 1
     * @param height height in pixels, at least 1
     * @param pixels {@code width * height * 3} bytes, row-major RGB; not copied
     * @throws IllegalArgumentException if a dimension is not positive or the array has the wrong length
     */
    public RgbImage(int width, int height, byte[] pixels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Image dimensions must be positive, got " + width + "x" + height);
        }
        long expected = 3L * width * height;
        if (pixels == null || pixels.length != expected) {
            throw new IllegalArgumentException("A " + width + "x" + height + " RGB image needs " + expected
                    + " bytes, got " + (pixels == null ? "null" : pixels.length));
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /**
     * Converts an AWT image to RGB: grayscale becomes r=g=b, indexed colours are looked up, alpha is dropped.
     *
     * @param image any decoded image
     * @return the RGB pixels of {@code image}
     */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        return new RgbImage(image.getWidth(), image.getHeight(), AwtConversion.toRgbBytes(image));
    }

    /** @return width in pixels */
    public int width() {
        return width;
    }

    /** @return height in pixels */
    public int height() {
        return height;
    }

    /** @return the shared interleaved RGB bytes, row-major; do not modify */
    public byte[] pixels() {
        return pixels;
    }

    /**
     * One pixel packed as {@code 0xRRGGBB}.
     *
     * @param x column, {@code 0 <= x < width}
     * @param y row, {@code 0 <= y < height}
     * @return the packed colour
     */
    public int rgb(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "x" + height);
        }
        int i = 3 * (y * width + x);
        return (pixels[i] & 0xFF) << 16 | (pixels[i + 1] & 0xFF) << 8 | pixels[i + 2] & 0xFF;
    }

    /** @return a new {@link BufferedImage#TYPE_3BYTE_BGR} copy of this image */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i += 3) {
            bgr[i] = pixels[i + 2];
            bgr[i + 1] = pixels[i + 1];
            bgr[i + 2] = pixels[i];
        }
        return image;
    }

    /**
     * Normalized channel-major floats, {@code (p / 255 - mean[c]) / std[c]}, laid out CHW as tensors expect.
     *
     * @param mean per-channel mean, length 3
     * @param std per-channel standard deviation, length 3, all positive
     * @return {@code 3 * width * height} floats
     */
    public float[] toChwFloats(float[] mean, float[] std) {
        float[] out = new float[pixels.length];
        toChwFloats(mean, std, out, 0);
        return out;
    }

    /**
     * Writes normalized channel-major floats into {@code out} from {@code offset}, so that a whole batch can be packed
     * into one array. Plane {@code c} starts at {@code offset + c * width * height}.
     *
     * @param mean per-channel mean, length 3
     * @param std per-channel standard deviation, length 3, all positive
     * @param out destination
     * @param offset index of the first float to write
     * @return the index after the last float written, {@code offset + 3 * width * height}
     */
    public int toChwFloats(float[] mean, float[] std, float[] out, int offset) {
        ChwPacking.pack(pixels, mean, std, out, offset);
        return offset + pixels.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RgbImage that
                && width == that.width
                && height == that.height
                && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
