package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.internal.Sampling;
import dev.autodidact.media.image.internal.PixelMath;
import java.util.random.RandomGenerator;

/** With probability {@code p}, replaces every pixel by its ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B), r=g=b. */
public final class RandomGrayscale implements ImageTransform {
    private final double p;

    /** @param p probability of converting, in {@code [0, 1]} */
    public RandomGrayscale(double p) {
        this.p = Sampling.checkProbability("Grayscale probability", p);
    }

    @Override
    public RgbImage apply(RgbImage in, RandomGenerator rng) {
        return Sampling.chance(rng, p) ? grayscale(in) : in;
    }

    /**
     * @param in an image
     * @return the luma of {@code in} in all three channels
     */
    public static RgbImage grayscale(RgbImage in) {
        byte[] src = in.pixels();
        byte[] out = new byte[src.length];
        for (int i = 0; i < src.length; i += 3) {
            byte luma = PixelMath.toByte(
                    0.299f * (src[i] & 0xFF) + 0.587f * (src[i + 1] & 0xFF) + 0.114f * (src[i + 2] & 0xFF));
            out[i] = luma;
            out[i + 1] = luma;
            out[i + 2] = luma;
        }
        return new RgbImage(in.width(), in.height(), out);
    }
}
