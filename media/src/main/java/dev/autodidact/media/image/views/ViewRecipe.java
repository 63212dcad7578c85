package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What one self-supervised method needs from one image: the augmented views, and for the predictive methods the
 * arrays they learn from (a patch mask, rotation or permutation labels, the image before corruption). The view-only
 * recipes are {@link SimClrRecipe} ({@code n} equal views) and {@link MultiCropRecipe} (two global and several local
 * crops); the pretext recipes ({@link MaskedPatchesRecipe}, {@link RotationRecipe}, {@link JigsawRecipe},
 * {@link InpaintingRecipe}, {@link ColorizationRecipe}, {@link DenoisingRecipe}) draw views and arrays together.
 * Implementations are immutable and draw all randomness from {@code rng}, so a seeded generator reproduces the same
 * views and arrays.
 *
 * <p>Every recipe writes itself as a {@link #spec() spec}, a short versioned text that {@link ViewRecipes#parse}
 * reads back into an equal recipe: the stream-app stores it with each example, so that whoever holds the example (the
 * learner's replay buffer) can draw new views, masks and targets with exactly the same recipe without knowing the
 * stream-app's configuration.
 */
public sealed interface ViewRecipe
        permits SimClrRecipe,
                MultiCropRecipe,
                MaskedPatchesRecipe,
                RotationRecipe,
                JigsawRecipe,
                InpaintingRecipe,
                ColorizationRecipe,
                DenoisingRecipe {
    /**
     * @param image the source image, not modified
     * @param rng the source of randomness; the same seed gives the same views, byte for byte
     * @return the views, in the order they go into an example; the same as {@code draw(image, rng).views()}
     */
    List<RgbImage> views(RgbImage image, RandomGenerator rng);

    /**
     * Draws the views and the recipe's other arrays. The view-only recipes have none, so by default this is
     * {@link #views}; the pretext recipes override it, and their {@link #views} returns this draw's views.
     *
     * @param image the source image, not modified
     * @param rng the source of randomness; the same seed gives the same views and arrays, byte for byte
     * @return the views and the other arrays
     */
    default RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        return new RecipeDraw(views(image, rng), List.of());
    }

    /**
     * @return the side of each square view {@link #views} makes, in order: what a configuration checks against the
     *     record size before any image arrives
     */
    List<Integer> viewSides();

    /**
     * @return the name, element type and shape of each array {@link #draw} makes besides the views, in order: the
     *     rest of what a configuration checks against the record size; empty for the view-only recipes
     */
    default List<RecipeArray.Layout> arrayLayouts() {
        return List.of();
    }

    /**
     * @return this recipe as a spec of at most {@link ViewRecipes#MAX_SPEC_LENGTH} characters, e.g.
     *     {@code v1;two-views;views=2;size=32;...}; {@code ViewRecipes.parse(spec())} equals this recipe
     */
    String spec();
}
