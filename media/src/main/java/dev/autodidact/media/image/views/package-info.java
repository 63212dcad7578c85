/**
 * View recipes: what one self-supervised method gets from one image, drawn with the transforms of {@code augment}.
 * {@link dev.autodidact.media.image.views.SimClrRecipe} makes {@code n} equal views (two-view methods),
 * {@link dev.autodidact.media.image.views.MultiCropRecipe} two global and several local crops (DINO, SwAV). The
 * pretext recipes apply a light base augmentation and then their task, and draw the arrays the predictive methods
 * learn from next to the views ({@link dev.autodidact.media.image.views.RecipeDraw},
 * {@link dev.autodidact.media.image.views.RecipeArray}): a patch mask (MAE), rotations (RotNet), the shuffled tiles
 * of a jigsaw puzzle, an erased region (inpainting), a grayscale view and its colour (colorization), a corrupted view and the
 * clean one (denoising autoencoder).
 *
 * <p>Each recipe writes itself as a short versioned spec ({@link dev.autodidact.media.image.views.ViewRecipe#spec()})
 * that {@link dev.autodidact.media.image.views.ViewRecipes#parse} reads back: the stream-app stores it with every
 * training example next to the clean input, and the learner's replay buffer rebuilds the same recipe from it and
 * draws new views, masks and targets with a seed of its own. Given the same seed, a parsed recipe gives
 * byte-identical views and arrays.
 */
package dev.autodidact.media.image.views;
