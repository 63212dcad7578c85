package dev.autodidact.learner.modality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * An encoder that cuts its input into a fixed number of patches and runs on patch tokens (a Vision Transformer), so
 * that a method can show it only some of them: MAE (He et al. 2022) encodes the visible patches alone and reconstructs
 * the others. What such a method needs, without knowing the modality: how many patches there are, each patch's
 * reconstruction target, the fixed position embedding of the patch positions (for a decoder), and a forward pass over a
 * subset of the tokens. The network's ordinary forward pass ({@code forward(NDList(inputs))}, a singleton
 * {@code (N, featureDim)}) is what embedding, probing and fine-tuning use, unchanged.
 */
public interface PatchEncoder extends EncoderArchitecture {

    /** Patches per input, P; patch indices are {@code 0 .. P-1} in the order {@link #patches} lists them. */
    int patchCount();

    /** Values of one patch's reconstruction target (for images: patch x patch x 3). */
    int patchValues();

    /**
     * The inputs cut into patches: {@code (N, P, patchValues)} of the normalised input {@link #input} makes, in patch
     * order. The reconstruction target.
     *
     * @param inputs a batch as {@link #input} makes it, {@link #inputShape} for N inputs
     */
    NDArray patches(NDArray inputs);

    /**
     * The fixed embedding of the patch positions at width {@code dim}: P rows of {@code dim} values, flattened, in patch
     * order (for images the 2-D sine-cosine embedding the encoder itself adds).
     *
     * @throws IllegalArgumentException if no embedding of that width exists (the 2-D one needs a multiple of 4)
     */
    float[] positions(int dim);

    /**
     * Runs {@code network} (built from this architecture) on the patches {@code keep} names only: patch and position
     * embedding of every patch, then a gather of the kept tokens, then the Transformer blocks on those alone.
     *
     * @param keep int (N, V): for each input, the V patch indices to encode
     * @return the final token states (N, V, featureDim), in the order of {@code keep}
     */
    default NDArray encodeKept(Block network, ParameterStore store, NDArray inputs, NDArray keep, boolean training) {
        return network.forward(store, new NDList(inputs, keep), training).singletonOrThrow();
    }
}
