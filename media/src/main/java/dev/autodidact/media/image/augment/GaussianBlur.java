package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.internal.Convolution;
import dev.autodidact.media.image.augment.internal.Sampling;
import java.util.random.RandomGenerator;

/**
 * With probability {@code p}, blurs with a Gaussian whose sigma is uniform in {@code [sigmaMin, sigmaMax]} pixels, as
 * in SimCLR: a separable kernel whose odd length is about {@code kernelFraction} of the shorter side (at least 3),
 * borders reflected. Taps beyond 4 sigma, whose weights sum to less than 1e-4, are left out to save time.
 */
public final class GaussianBlur implements ImageTransform {
    private final double p;
    private final double sigmaMin;
    private final double sigmaMax;
    private final double kernelFraction;

    /**
     * @param p probability of blurring, in {@code [0, 1]}
     * @param sigmaMin smallest sigma in pixels, positive
     * @param sigmaMax largest sigma in pixels, at least {@code sigmaMin}
     * @param kernelFraction kernel length as a fraction of the shorter side, positive (SimCLR: 0.1)
     */
    public GaussianBlur(double p, double sigmaMin, double sigmaMax, double kernelFraction) {
        if (!(sigmaMin > 0 && sigmaMin <= sigmaMax)) {
            throw new IllegalArgumentException("Need 0 < sigmaMin <= sigmaMax, got " + sigmaMin + ", " + sigmaMax);
        }
        if (!(kernelFraction > 0 && kernelFraction <= 1)) {
            throw new IllegalArgumentException("Kernel fraction must be in (0, 1], got " + kernelFraction);
        }
        this.p = Sampling.checkProbability("Blur probability", p);
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
        this.kernelFraction = kernelFraction;
    }

    @Override
    public RgbImage apply(RgbImage in, RandomGenerator rng) {
        if (!Sampling.chance(rng, p)) {
            return in;
        }
        return blur(in, Sampling.uniform(rng, sigmaMin, sigmaMax));
    }

    /**
     * @param in an image
     * @param sigma standard deviation in pixels
     * @return {@code in} blurred with this transform's kernel length
     */
    public RgbImage blur(RgbImage in, double sigma) {
        int size = Math.min(kernelSize(Math.min(in.width(), in.height())), 2 * (int) Math.ceil(4 * sigma) + 1);
        float[] kernel = Convolution.gaussian(sigma, Math.max(3, size));
        return new RgbImage(
                in.width(), in.height(), Convolution.separable(in.pixels(), in.width(), in.height(), kernel));
    }

    /**
     * @param side the shorter side of the image
     * @return the odd kernel length for that side, at least 3
     */
    int kernelSize(int side) {
        int size = (int) Math.round(kernelFraction * side);
        return Math.max(3, size % 2 == 0 ? size + 1 : size);
    }
}
