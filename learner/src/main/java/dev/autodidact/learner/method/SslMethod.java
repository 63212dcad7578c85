package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;

/**
 * One self-supervised method. The training loop owns the data, the optimizer and the managers; the method owns its
 * networks, its loss and any state carried across steps (momentum encoders, queues, centres).
 */
public interface SslMethod {

    /** Name used on the command line, in topic names and in manifests, e.g. {@code simclr}. */
    String name();

    /** Views the stream-app must produce per example: two unless the method says otherwise (multi-crop). */
    default int viewsPerExample() {
        return 2;
    }

    /** The encoder whose output is the published representation. */
    Block encoder();

    /**
     * The head that maps the encoder's features into the space the loss compares (projector, expander, DINO head),
     * applied after {@link #encoder()}. The collapse of negative-free methods shows there first (SimSiam, fig. 2,
     * measures the std of its L2-normalised output), often before it reaches the encoder's features.
     */
    Block head();

    /** Parameters the optimizer updates (encoder and heads; not momentum copies). */
    List<Pair<String, Parameter>> trainableParameters();

    /**
     * The loss of one batch.
     *
     * @param store parameter store of the training loop
     * @param views one (N, C, H, W) array per view, row i of each belonging to the same example
     * @return a scalar loss attached to the inputs' manager
     */
    NDArray loss(ParameterStore store, NDList views);

    /**
     * The loss of the batch of optimizer step {@code step} (0-based, counted by the training loop and restored from
     * checkpoints). Methods whose loss follows a schedule (DINO's teacher temperature) override this; the training
     * loop always calls it.
     *
     * @param store parameter store of the training loop
     * @param views one (N, C, H, W) array per view
     * @param step the global step
     * @return a scalar loss attached to the inputs' manager
     */
    default NDArray loss(ParameterStore store, NDList views, long step) {
        return loss(store, views);
    }

    /**
     * Called after each applied optimizer step, outside the gradient collector and while the step's arrays are still
     * open (EMA updates, queue pushes, centre updates). Not called for a skipped (non-finite) step.
     *
     * @param step the step just applied, the same number {@link #loss(ParameterStore, NDList, long)} got
     */
    default void afterStep(long step) {
    }

    /** Architecture and hyper-parameters needed to rebuild the networks, stored in the manifest. */
    Map<String, String> architecture();

    /** Weights of every network and the method's own state, as named checkpoint sections. */
    Map<String, byte[]> saveState();

    /** Restores what {@link #saveState()} wrote. */
    void loadState(Map<String, byte[]> sections);
}
