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

    /** Views the stream-app must produce per example. */
    int viewsPerExample();

    /** The encoder whose output is the published representation. */
    Block encoder();

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

    /** Called after each optimizer step, outside the gradient collector (EMA updates, queue pushes). */
    default void afterStep(long step) {
    }

    /** Architecture and hyper-parameters needed to rebuild the networks, stored in the manifest. */
    Map<String, String> architecture();

    /** Weights of every network and the method's own state, as named checkpoint sections. */
    Map<String, byte[]> saveState();

    /** Restores what {@link #saveState()} wrote. */
    void loadState(Map<String, byte[]> sections);
}
