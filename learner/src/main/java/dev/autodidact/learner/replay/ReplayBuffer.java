package dev.autodidact.learner.replay;

import dev.autodidact.schema.example.Example;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Clean inputs kept for replay, each an {@link Example} holding the array {@code input} and the metadata its
 * re-augmentation needs ({@code augment}, {@code recipe}, {@code modality}). Bounded in bytes; what it keeps when full
 * is the policy. Used by the training thread only.
 */
public interface ReplayBuffer {

    /** The policy's name: {@code fifo}, {@code reservoir} or {@code minred}. */
    String policy();

    /** Offers inputs seen in the stream; the policy decides which to keep and what to evict. */
    void offer(List<Example> inputs);

    /**
     * Offers inputs seen in the stream and says which stored items were just replayed ({@code replayed}, as
     * {@link #sample} returned them, repeats allowed). A policy that keeps something computed by the encoder per item
     * (minred's embeddings) recomputes it for those, so its choices follow the encoder as it trains; the others only
     * offer.
     */
    default void offer(List<Example> inputs, List<Example> replayed) {
        offer(inputs);
    }

    /** {@code n} stored inputs drawn uniformly at random (fewer if the buffer holds fewer). */
    List<Example> sample(int n, SplittableRandom random);

    int size();

    long bytes();

    /** The stored inputs in a stable order, with the policy's own state in {@link #state()}: for checkpoints. */
    List<Example> items();

    /** Policy state beyond the items (e.g. how many inputs a reservoir has seen). */
    long state();

    /** Replaces the contents with {@code items} and {@code state} from a checkpoint. */
    void restore(List<Example> items, long state);
}
