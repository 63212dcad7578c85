/**
 * Audio recipes: what one self-supervised method gets from one canonical clip, drawn with the augmentations of
 * {@code augment} and the log-mel features of {@link dev.autodidact.media.audio.LogMel}. Two augmented log-mel views
 * for the two-view methods ({@link dev.autodidact.media.audio.views.AudioTwoViewsRecipe}), one log-mel view with a
 * patch mask for masked spectrogram modelling ({@link dev.autodidact.media.audio.views.AudioMaskedSpectrogramRecipe}),
 * one augmented raw waveform for the predictive-coding methods ({@link
 * dev.autodidact.media.audio.views.AudioWaveformRecipe}).
 *
 * <p>As the image recipes do, each writes itself as a short versioned spec that {@link
 * dev.autodidact.media.audio.views.AudioRecipes#parse} reads back into an equal recipe, so the learner's replay
 * buffer can draw new views from a stored clean clip with the stream-app's exact recipe and a seed of its own. Every
 * array a draw makes, views included, is a {@link dev.autodidact.media.image.views.RecipeArray} (the stream-app and the
 * learner copy those into the example's tensors already), named as the example contract names them: {@code view.0},
 * {@code view.1}, ..., then {@code mask} and {@code mask.index}.
 */
package dev.autodidact.media.audio.views;
