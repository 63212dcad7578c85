package dev.autodidact.streams.internal;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.ImageViews;
import java.util.random.RandomGenerator;

/**
 * What one SSL method needs from one clean image: two augmented views for SimCLR, several views of mixed sizes for
 * multi-crop methods, and so on. Implementations draw all randomness from {@code rng}, so a seeded generator
 * reproduces the same example.
 */
@FunctionalInterface
public interface ViewRecipe {
    /**
     * @param image the canonical image, not modified
     * @param rng the source of randomness for this record
     * @return the example
     */
    ImageViews views(RgbImage image, RandomGenerator rng);
}
