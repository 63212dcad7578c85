package dev.autodidact.schema;

import java.util.Arrays;

/**
 * A canonical image on {@code clean.image} and inside examples: {@code width x height} RGB, uint8, interleaved,
 * row-major (HWC).
 */
public record CleanImage(int width, int height, byte[] pixels) {
    public CleanImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height * 3) {
            throw new IllegalArgumentException("Expected " + width + "x" + height + "x3 pixels, got " + pixels.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CleanImage c && c.width == width && c.height == height && Arrays.equals(c.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "CleanImage[" + width + "x" + height + "]";
    }
}
