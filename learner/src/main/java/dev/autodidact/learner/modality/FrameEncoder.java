package dev.autodidact.learner.modality;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * An encoder that turns a signal into a sequence of latent frames and runs a context network over them (the
 * wav2vec-style audio encoder): what the methods that predict or pick latent frames need, without knowing the
 * modality. CPC (van den Oord et al. 2018) predicts future latents from an autoregressive context; wav2vec 2.0 (Baevski
 * et al. 2020) replaces some latents by a mask embedding before the context and picks the true latent of each masked
 * frame among distractors. Both run the two halves of one network separately; the network's ordinary forward pass
 * ({@code forward(NDList(inputs))}, a singleton {@code (N, featureDim)}) is the mean over time of the context on the
 * unmasked latents, which is what embedding, probing and fine-tuning use.
 */
public interface FrameEncoder extends EncoderArchitecture {

    /** Width D of a latent frame. */
    int latentDim();

    /** Whether the context at frame t depends on frames 0..t only (a GRU, a causal Transformer). */
    boolean causal();

    /** Latent frames of an input of {@code length} values along its time axis; 0 if it is too short for one. */
    int frames(int length);

    /** The shortest input length that gives {@code frames} latent frames. */
    int inputLength(int frames);

    /** The longest input length the encoder accepts (a cap on what an example may ask for). */
    int maxInputLength();

    /**
     * Runs the feature encoder of {@code network} (built from this architecture): z, (N, T', {@link #latentDim()}).
     *
     * @param input a batch as {@link #input} makes it
     * @throws IllegalArgumentException if {@code network} is not a network of this architecture
     */
    NDArray latents(Block network, ParameterStore store, NDArray input, boolean training);

    /**
     * Runs the context network of {@code network} on latent frames (the encoder's own, or some of them replaced):
     * c, (N, T', {@link #featureDim()}).
     *
     * @param latents (N, T', {@link #latentDim()})
     * @throws IllegalArgumentException if {@code network} is not a network of this architecture
     */
    NDArray context(Block network, ParameterStore store, NDArray latents, boolean training);

    /**
     * {@code architecture} as a frame encoder.
     *
     * @param method the method that needs it, for the message
     * @param causal whether the method needs a causal context
     * @throws IllegalArgumentException naming the method and the architecture if it has no latent frames, or no causal
     *     context where one is needed
     */
    static FrameEncoder of(EncoderArchitecture architecture, String method, boolean causal) {
        if (!(architecture instanceof FrameEncoder frames)) {
            throw new IllegalArgumentException("Method '" + method + "' works on latent frames and their context, "
                    + "which the '" + architecture.name() + "' encoder does not give");
        }
        if (causal && !frames.causal()) {
            throw new IllegalArgumentException("Method '" + method + "' predicts future frames from an "
                    + "autoregressive context; the '" + architecture.name() + "' encoder's context sees the future");
        }
        return frames;
    }
}
