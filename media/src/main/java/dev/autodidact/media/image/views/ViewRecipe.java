package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The augmented views one self-supervised method needs from one image: {@code n} equal views
 * ({@link SimClrRecipe}), or two global and several local crops ({@link MultiCropRecipe}). Implementations are
 * immutable and draw all randomness from {@code rng}, so a seeded generator reproduces the same views.
 *
 * <p>Every recipe writes itself as a {@link #spec() spec}, a short versioned text that {@link ViewRecipes#parse}
 * reads back into an equal recipe: the stream-app stores it with each example, so that whoever holds the example (the
 * learner's replay buffer) can draw new views with exactly the same augmentation without knowing the stream-app's
 * configuration.
 */
public sealed interface ViewRecipe permits SimClrRecipe, MultiCropRecipe {
    /**
     * @param image the source image, not modified
     * @param rng the source of randomness; the same seed gives the same views, byte for byte
     * @return the views, in the order they go into an example
     */
    List<RgbImage> views(RgbImage image, RandomGenerator rng);

    /**
     * @return the side of each square view {@link #views} makes, in order: what a configuration checks against the
     *     record size before any image arrives
     */
    List<Integer> viewSides();

    /**
     * @return this recipe as a spec of at most {@link ViewRecipes#MAX_SPEC_LENGTH} characters, e.g.
     *     {@code v1;two-views;views=2;size=32;...}; {@code ViewRecipes.parse(spec())} equals this recipe
     */
    String spec();
}
