package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import java.util.random.RandomGenerator;

/** A random image transformation. Implementations leave the input untouched and draw all randomness from {@code rng}. */
@FunctionalInterface
public interface ImageTransform {
    /**
     * @param in the input image, not modified
     * @param rng the source of randomness
     * @return the transformed image (may be {@code in} itself when nothing changes)
     */
    RgbImage apply(RgbImage in, RandomGenerator rng);
}
