package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.internal.Sampling;
import java.util.random.RandomGenerator;

/** Mirrors the image left to right with probability {@code p}. */
public final class HorizontalFlip implements ImageTransform {
    private final double p;

    /** @param p probability of flipping, in {@code [0, 1]} */
    public HorizontalFlip(double p) {
        this.p = Sampling.checkProbability("Flip probability", p);
    }

    @Override
    public RgbImage apply(RgbImage in, RandomGenerator rng) {
        return Sampling.chance(rng, p) ? mirror(in) : in;
    }

    /**
     * @param in an image
     * @return {@code in} mirrored left to right
     */
    public static RgbImage mirror(RgbImage in) {
        int width = in.width();
        byte[] src = in.pixels();
        byte[] out = new byte[src.length];
        for (int y = 0; y < in.height(); y++) {
            int row = y * width * 3;
            for (int x = 0; x < width; x++) {
                int s = row + x * 3;
                int d = row + (width - 1 - x) * 3;
                out[d] = src[s];
                out[d + 1] = src[s + 1];
                out[d + 2] = src[s + 2];
            }
        }
        return new RgbImage(width, in.height(), out);
    }
}
