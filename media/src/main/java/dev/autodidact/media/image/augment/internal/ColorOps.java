package dev.autodidact.media.image.augment.internal;

import dev.autodidact.media.image.internal.PixelMath;

/**
 * Colour adjustments on interleaved RGB floats in 0..255, in place, with torchvision's definitions: brightness scales,
 * contrast blends with the mean grey level, saturation blends with each pixel's grey, hue rotates in HSV. Every
 * operation clamps to 0..255, as torchvision does after each step.
 */
public final class ColorOps {
    private static final float RED_LUMA = 0.299f;
    private static final float GREEN_LUMA = 0.587f;
    private static final float BLUE_LUMA = 0.114f;

    private ColorOps() {}

    /** Multiplies every value by {@code factor}. */
    public static void brightness(float[] rgb, float factor) {
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = PixelMath.clamp(rgb[i] * factor);
        }
    }

    /** Blends every value with the image's mean grey: {@code factor * v + (1 - factor) * mean}. */
    public static void contrast(float[] rgb, float factor) {
        double sum = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            sum += luma(rgb, i);
        }
        float mean = (float) (sum / (rgb.length / 3));
        float offset = (1f - factor) * mean;
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = PixelMath.clamp(factor * rgb[i] + offset);
        }
    }

    /** Blends every pixel with its own grey: {@code factor * v + (1 - factor) * luma}. */
    public static void saturation(float[] rgb, float factor) {
        for (int i = 0; i < rgb.length; i += 3) {
            float offset = (1f - factor) * luma(rgb, i);
            rgb[i] = PixelMath.clamp(factor * rgb[i] + offset);
            rgb[i + 1] = PixelMath.clamp(factor * rgb[i + 1] + offset);
            rgb[i + 2] = PixelMath.clamp(factor * rgb[i + 2] + offset);
        }
    }

    /** Adds {@code shift} (a fraction of a full turn) to every pixel's HSV hue; a shift of 0 is exactly the identity. */
    public static void hue(float[] rgb, float shift) {
        if (shift == 0f) {
            return;
        }
        for (int i = 0; i < rgb.length; i += 3) {
            float r = rgb[i];
            float g = rgb[i + 1];
            float b = rgb[i + 2];
            float max = Math.max(r, Math.max(g, b));
            float delta = max - Math.min(r, Math.min(g, b));
            if (delta <= 0f) {
                continue;
            }
            float sector;
            if (max == r) {
                sector = (g - b) / delta;
            } else if (max == g) {
                sector = (b - r) / delta + 2f;
            } else {
                sector = (r - g) / delta + 4f;
            }
            float h = sector / 6f + shift;
            h -= (float) Math.floor(h);
            fromHsv(rgb, i, h * 6f, delta / max, max);
        }
    }

    /** Writes the RGB of hue {@code h6} (in sectors, 0..6), saturation {@code s} and value {@code v} at {@code i}. */
    private static void fromHsv(float[] rgb, int i, float h6, float s, float v) {
        int sector = Math.min(5, (int) h6);
        float f = h6 - sector;
        float p = v * (1f - s);
        float q = v * (1f - s * f);
        float t = v * (1f - s * (1f - f));
        switch (sector) {
            case 0 -> set(rgb, i, v, t, p);
            case 1 -> set(rgb, i, q, v, p);
            case 2 -> set(rgb, i, p, v, t);
            case 3 -> set(rgb, i, p, q, v);
            case 4 -> set(rgb, i, t, p, v);
            default -> set(rgb, i, v, p, q);
        }
    }

    private static void set(float[] rgb, int i, float r, float g, float b) {
        rgb[i] = PixelMath.clamp(r);
        rgb[i + 1] = PixelMath.clamp(g);
        rgb[i + 2] = PixelMath.clamp(b);
    }

    private static float luma(float[] rgb, int i) {
        return RED_LUMA * rgb[i] + GREEN_LUMA * rgb[i + 1] + BLUE_LUMA * rgb[i + 2];
    }
}
