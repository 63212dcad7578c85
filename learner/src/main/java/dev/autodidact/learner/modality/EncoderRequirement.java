package dev.autodidact.learner.modality;

/**
 * What a method needs of its encoder beyond a feature vector per input. A modality kit resolves its {@code auto}
 * encoder setting from it, and refuses an explicitly configured encoder that cannot serve the method.
 */
public enum EncoderRequirement {
    /** Any encoder: the method only uses the (N, featureDim) output. */
    FEATURES,
    /** A {@link PatchEncoder}: the method runs the encoder on a subset of its patch tokens (MAE). */
    PATCH_TOKENS;

    /** Whether {@code encoder} meets this requirement. */
    public boolean accepts(EncoderArchitecture encoder) {
        return this == FEATURES || encoder instanceof PatchEncoder;
    }
}
