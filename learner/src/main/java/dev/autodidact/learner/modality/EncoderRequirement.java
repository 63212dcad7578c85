package dev.autodidact.learner.modality;

/**
 * What a method needs of its encoder beyond a feature vector per input. A modality kit resolves its {@code auto}
 * encoder setting from it, and refuses an explicitly configured encoder that cannot serve the method.
 */
public enum EncoderRequirement {
    /** Any encoder: the method only uses the (N, featureDim) output. */
    FEATURES,
    /** A {@link PatchEncoder}: the method runs the encoder on a subset of its patch tokens (MAE). */
    PATCH_TOKENS,
    /** A {@link FrameEncoder}: the method works on latent frames and their context (wav2vec 2.0). */
    FRAMES,
    /** A {@link FrameEncoder} whose context is causal: the method predicts future frames from it (CPC). */
    CAUSAL_FRAMES;

    /** Whether {@code encoder} meets this requirement. */
    public boolean accepts(EncoderArchitecture encoder) {
        return switch (this) {
            case FEATURES -> true;
            case PATCH_TOKENS -> encoder instanceof PatchEncoder;
            case FRAMES -> encoder instanceof FrameEncoder;
            case CAUSAL_FRAMES -> encoder instanceof FrameEncoder frames && frames.causal();
        };
    }
}
