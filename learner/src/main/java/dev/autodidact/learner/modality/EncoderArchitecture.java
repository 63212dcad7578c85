package dev.autodidact.learner.modality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.Map;

/**
 * An encoder's architecture: enough to rebuild the network that was trained and to feed it. Written into every
 * manifest by {@link #toMap()} (with {@link #ENCODER} naming the architecture) and read back by
 * {@link EncoderArchitectures#fromMap(Map)}, so the learner, the embedder, health, eval and fine-tuning all build
 * encoders the same way.
 */
public interface EncoderArchitecture {
    /** Manifest key naming the architecture, e.g. {@code conv}. */
    String ENCODER = "encoder";

    /** The value of {@link #ENCODER}. */
    String name();

    Modality modality();

    /** Length of the feature vector the encoder outputs for one input. */
    int featureDim();

    /** The architecture as manifest entries, including {@link #ENCODER}. */
    Map<String, String> toMap();

    /** A new, uninitialised network; initialise it with {@link #inputShape(int)}. */
    Block network();

    /** The shape of a batch of {@code n} canonical inputs as {@link #input} makes it, e.g. (n, 3, 32, 32). */
    Shape inputShape(int n);

    /** A new network, initialised on {@code manager} for the canonical input. */
    default Block build(NDManager manager) {
        Block block = network();
        block.initialize(manager, DataType.FLOAT32, inputShape(2));
        return block;
    }

    /**
     * Stacks one input array per example into the network's batched input on {@code manager} (for images: normalised
     * float (N, 3, H, W)). All arrays must have one shape.
     *
     * @throws IllegalArgumentException if an array is not an input of this encoder or the shapes differ
     */
    NDArray input(NDManager manager, List<Tensor> arrays);

    /**
     * Checks that {@code array} is an input this encoder accepts: for the canonical input, exactly the canonical
     * shape; otherwise (local crops, shorter clips) any shape the network can take.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    void checkInput(Tensor array, boolean canonical);
}
