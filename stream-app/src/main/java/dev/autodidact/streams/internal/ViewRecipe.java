package dev.autodidact.streams.internal;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.CleanImage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The media side of one {@link dev.autodidact.schema.method.ExampleRecipe}: the augmented views one method needs from
 * one clean image (two equal views, or two global and several local crops). Implementations draw all randomness from
 * {@code rng}, so a seeded generator reproduces the same views. {@link ImageExamplesProcessor} writes them into an
 * {@link dev.autodidact.schema.example.Example} as {@code view.0}, {@code view.1}, ...
 */
public interface ViewRecipe {
    /**
     * @param image the canonical image, not modified
     * @param rng the source of randomness for this record
     * @return the views, in the order they go into the example
     */
    List<CleanImage> views(RgbImage image, RandomGenerator rng);

    /**
     * @return the side of each view {@link #views} makes, in order: what the configuration checks against the record
     *     size before any record arrives
     */
    List<Integer> viewSides();
}
