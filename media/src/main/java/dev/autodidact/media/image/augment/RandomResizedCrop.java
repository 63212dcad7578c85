package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.internal.Sampling;
import dev.autodidact.media.image.internal.Resampler;
import java.util.random.RandomGenerator;

/**
 * Crops a random region and resizes it to {@code outSize x outSize}, with torchvision's {@code RandomResizedCrop}
 * sampling: up to 10 attempts draw an area fraction uniformly from {@code [scaleMin, scaleMax]} and an aspect ratio
 * log-uniformly from {@code [ratioMin, ratioMax]}, keeping the first region that fits; otherwise the centre crop with
 * the ratio clamped into range. The region is resampled bilinearly when it grows and by area averaging when it shrinks
 * (like torchvision's {@code antialias=True}).
 */
public final class RandomResizedCrop implements ImageTransform {
    private static final int ATTEMPTS = 10;

    private final int outSize;
    private final double scaleMin;
    private final double scaleMax;
    private final double logRatioMin;
    private final double logRatioMax;
    private final double ratioMin;
    private final double ratioMax;

    /**
     * @param outSize side of the output square
     * @param scaleMin smallest area fraction, in {@code (0, scaleMax]}
     * @param scaleMax largest area fraction, at most 1
     * @param ratioMin smallest width/height ratio, positive
     * @param ratioMax largest width/height ratio, at least {@code ratioMin}
     */
    public RandomResizedCrop(int outSize, double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
        if (outSize < 1) {
            throw new IllegalArgumentException("Crop output size must be positive, got " + outSize);
        }
        if (!(scaleMin > 0 && scaleMin <= scaleMax && scaleMax <= 1)) {
            throw new IllegalArgumentException("Need 0 < scaleMin <= scaleMax <= 1, got " + scaleMin + ", " + scaleMax);
        }
        if (!(ratioMin > 0 && ratioMin <= ratioMax)) {
            throw new IllegalArgumentException("Need 0 < ratioMin <= ratioMax, got " + ratioMin + ", " + ratioMax);
        }
        this.outSize = outSize;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.ratioMin = ratioMin;
        this.ratioMax = ratioMax;
        this.logRatioMin = Math.log(ratioMin);
        this.logRatioMax = Math.log(ratioMax);
    }

    @Override
    public RgbImage apply(RgbImage in, RandomGenerator rng) {
        int[] region = sampleRegion(in.width(), in.height(), rng);
        byte[] pixels = Resampler.resample(
                in.pixels(), in.width(), region[0], region[1], region[2], region[3], outSize, outSize);
        return new RgbImage(outSize, outSize, pixels);
    }

    /**
     * Draws a crop region the way torchvision's {@code RandomResizedCrop.get_params} does.
     *
     * @param width image width
     * @param height image height
     * @param rng the source of randomness
     * @return {@code {x0, y0, cropWidth, cropHeight}}
     */
    int[] sampleRegion(int width, int height, RandomGenerator rng) {
        double area = (double) width * height;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * Sampling.uniform(rng, scaleMin, scaleMax);
            double ratio = Math.exp(Sampling.uniform(rng, logRatioMin, logRatioMax));
            int w = (int) Math.round(Math.sqrt(targetArea * ratio));
            int h = (int) Math.round(Math.sqrt(targetArea / ratio));
            if (w > 0 && h > 0 && w <= width && h <= height) {
                int y0 = rng.nextInt(height - h + 1);
                int x0 = rng.nextInt(width - w + 1);
                return new int[] {x0, y0, w, h};
            }
        }
        return centreFallback(width, height);
    }

    private int[] centreFallback(int width, int height) {
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < ratioMin) {
            h = Math.max(1, Math.min(height, (int) Math.round(w / ratioMin)));
        } else if (inRatio > ratioMax) {
            w = Math.max(1, Math.min(width, (int) Math.round(h * ratioMax)));
        }
        return new int[] {(width - w) / 2, (height - h) / 2, w, h};
    }
}
