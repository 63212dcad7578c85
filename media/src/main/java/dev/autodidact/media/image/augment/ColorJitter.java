package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.internal.ColorOps;
import dev.autodidact.media.image.augment.internal.Sampling;
import dev.autodidact.media.image.internal.PixelMath;
import java.util.random.RandomGenerator;

/**
 * With probability {@code p}, randomly changes brightness, contrast, saturation and hue, in a random order, with
 * torchvision's {@code ColorJitter} semantics: the brightness, contrast and saturation factors are uniform in
 * {@code [max(0, 1 - x), 1 + x]}, the hue shift is uniform in {@code [-hue, hue]} of a full turn, and a strength of 0
 * leaves that property alone. Contrast is relative to the mean grey level of the image.
 */
public final class ColorJitter implements ImageTransform {
    private static final int BRIGHTNESS = 0;
    private static final int CONTRAST = 1;
    private static final int SATURATION = 2;
    private static final int HUE = 3;

    private final double brightness;
    private final double contrast;
    private final double saturation;
    private final double hue;
    private final double p;

    /**
     * @param brightness brightness strength, at least 0
     * @param contrast contrast strength, at least 0
     * @param saturation saturation strength, at least 0
     * @param hue hue strength, in {@code [0, 0.5]}
     * @param p probability of jittering at all, in {@code [0, 1]}
     */
    public ColorJitter(double brightness, double contrast, double saturation, double hue, double p) {
        if (!(brightness >= 0 && contrast >= 0 && saturation >= 0)) {
            throw new IllegalArgumentException("Jitter strengths must be non-negative, got brightness=" + brightness
                    + ", contrast=" + contrast + ", saturation=" + saturation);
        }
        if (!(hue >= 0 && hue <= 0.5)) {
            throw new IllegalArgumentException("Hue strength must be in [0, 0.5], got " + hue);
        }
        this.brightness = brightness;
        this.contrast = contrast;
        this.saturation = saturation;
        this.hue = hue;
        this.p = Sampling.checkProbability("Jitter probability", p);
    }

    @Override
    public RgbImage apply(RgbImage in, RandomGenerator rng) {
        if (!Sampling.chance(rng, p)) {
            return in;
        }
        int[] order = Sampling.permutation(rng, 4);
        float brightnessFactor = factor(rng, brightness);
        float contrastFactor = factor(rng, contrast);
        float saturationFactor = factor(rng, saturation);
        float hueShift = (float) Sampling.uniform(rng, -hue, hue);
        return adjust(in, order, brightnessFactor, contrastFactor, saturationFactor, hueShift);
    }

    /**
     * Applies fixed adjustments in a fixed order; factors of 1 and a shift of 0 change nothing.
     *
     * @param in an image
     * @param order a permutation of {@code 0..3}: brightness, contrast, saturation, hue
     * @param brightnessFactor brightness multiplier
     * @param contrastFactor contrast blend factor
     * @param saturationFactor saturation blend factor
     * @param hueShift hue shift in turns
     * @return the adjusted image
     */
    static RgbImage adjust(
            RgbImage in,
            int[] order,
            float brightnessFactor,
            float contrastFactor,
            float saturationFactor,
            float hueShift) {
        float[] rgb = PixelMath.toFloats(in.pixels());
        for (int op : order) {
            switch (op) {
                case BRIGHTNESS -> ColorOps.brightness(rgb, brightnessFactor);
                case CONTRAST -> ColorOps.contrast(rgb, contrastFactor);
                case SATURATION -> ColorOps.saturation(rgb, saturationFactor);
                case HUE -> ColorOps.hue(rgb, hueShift);
                default -> throw new IllegalArgumentException("Unknown colour operation " + op);
            }
        }
        return new RgbImage(in.width(), in.height(), PixelMath.toBytes(rgb));
    }

    private static float factor(RandomGenerator rng, double strength) {
        return (float) Sampling.uniform(rng, Math.max(0, 1 - strength), 1 + strength);
    }
}
