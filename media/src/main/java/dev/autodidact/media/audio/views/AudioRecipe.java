package dev.autodidact.media.audio.views;

import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.image.views.RecipeArray;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What one self-supervised method needs from one audio clip: the augmented views and, for masked modelling, the mask.
 * The audio counterpart of the image {@code ViewRecipe}; its kinds are the {@code ExampleRecipe} ids
 * {@value AudioTwoViewsRecipe#KIND} (SimCLR and BYOL on audio, COLA / BYOL-A style), {@value
 * AudioMaskedSpectrogramRecipe#KIND} (MAE on log-mel patches, Audio-MAE style) and {@value AudioWaveformRecipe#KIND}
 * (CPC and wav2vec 2.0 on the raw waveform).
 *
 * <p>Implementations are immutable and draw all randomness from {@code rng}, so a seeded generator reproduces the same
 * arrays exactly. Every recipe writes itself as a {@link #spec() spec}, a short versioned text that
 * {@link AudioRecipes#parse} reads back into an equal recipe: the stream-app stores it with each example, so that the
 * learner's replay buffer can draw new views with exactly the same recipe.
 */
public sealed interface AudioRecipe permits AudioTwoViewsRecipe, AudioMaskedSpectrogramRecipe, AudioWaveformRecipe {
    /** @return the rate, in Hz, of the clips this recipe takes: the canonical rate */
    int sampleRate();

    /**
     * @return whether {@link #draw} mixes in another clip when one is given: the caller need not find one otherwise
     */
    boolean mixesOtherClip();

    /**
     * @param clip the canonical clip at {@link #sampleRate()}, not modified
     * @param other another clip at the same rate to mix in (BYOL-A's mixup), or empty; ignored unless
     *     {@link #mixesOtherClip()}
     * @param rng the source of randomness; the same seed and clips give the same arrays
     * @return the views, then the other arrays, as {@link #arrayLayouts()} lists them
     * @throws IllegalArgumentException if a clip is not at {@link #sampleRate()}
     */
    AudioDraw draw(PcmClip clip, Optional<PcmClip> other, RandomGenerator rng);

    /**
     * @return the name, element type and shape of every array {@link #draw} makes, views first, in order: what a
     *     configuration checks against the record size before any audio arrives
     */
    List<RecipeArray.Layout> arrayLayouts();

    /**
     * @return this recipe as a spec of at most {@link AudioRecipes#MAX_SPEC_LENGTH} characters, e.g.
     *     {@code v1;audio-waveform;rate=16000;...}; {@code AudioRecipes.parse(spec())} equals this recipe
     */
    String spec();
}
