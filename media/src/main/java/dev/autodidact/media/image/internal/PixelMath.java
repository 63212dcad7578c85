package dev.autodidact.media.image.internal;

/** Conversions between float intensities (0..255 scale) and unsigned bytes. */
public final class PixelMath {
    private PixelMath() {}

    /**
     * Rounds to the nearest integer and clamps to 0..255.
     *
     * @param value an intensity on the 0..255 scale
     * @return the unsigned byte
     */
    public static byte toByte(float value) {
        int rounded = Math.round(value);
        return (byte) (rounded < 0 ? 0 : Math.min(rounded, 255));
    }

    /**
     * Clamps to 0..255 without rounding.
     *
     * @param value an intensity
     * @return the clamped intensity
     */
    public static float clamp(float value) {
        return value < 0f ? 0f : Math.min(value, 255f);
    }

    /**
     * @param pixels unsigned bytes
     * @return the same values as floats
     */
    public static float[] toFloats(byte[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = pixels[i] & 0xFF;
        }
        return values;
    }

    /**
     * @param values intensities on the 0..255 scale
     * @return the values rounded and clamped to unsigned bytes
     */
    public static byte[] toBytes(float[] values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = toByte(values[i]);
        }
        return pixels;
    }
}
