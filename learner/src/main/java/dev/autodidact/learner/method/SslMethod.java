package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.schema.example.Example;
import java.util.List;
import java.util.Map;

/**
 * One self-supervised method, reduced to its loss and its state. The training loop owns the data, the optimizer, the
 * managers and every side effect; the method owns its networks, its loss and any state carried across steps
 * (momentum encoders, queues, centres). Methods are created by their {@link MethodSpec} in the
 * {@link MethodRegistry}.
 */
public interface SslMethod {
    /** The checkpoint section of the encoder that is published, embedded, probed and fine-tuned. */
    String ENCODER_SECTION = "encoder";

    /** Name used on the command line, in topic names and in manifests, e.g. {@code simclr}. */
    String name();

    /**
     * The example arrays the loss takes, in the order of the batch {@link #loss} gets, e.g. {@code view.0, view.1}.
     */
    List<String> inputs();

    /**
     * Those of {@link #inputs()} that must have the encoder's canonical shape (the others, such as multi-crop's local
     * views, only a shape the encoder takes). All of them unless the method says otherwise.
     */
    default List<String> canonicalInputs() {
        return inputs();
    }

    /**
     * Checks what the generic validation cannot: the values of a well-formed example's arrays (a label within the
     * number of classes, a patch permutation over exactly the encoder's patches). Called once per example before it
     * reaches a batch; an example that fails goes to the dead-letter topic with the message.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code example}
     */
    default void checkExample(Example example) {}

    /** The encoder whose output is the published representation (section {@link #ENCODER_SECTION}). */
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
     * The loss of the batch of optimizer step {@code step} (0-based, counted by the training loop and restored from
     * checkpoints): methods whose loss follows a schedule (DINO's teacher temperature) read it.
     *
     * @param store parameter store of the training loop
     * @param batch one array per name of {@link #inputs()}, in that order and named after it; row i of each belongs
     *     to the same example
     * @param step the global step
     * @return a scalar loss attached to the inputs' manager
     */
    NDArray loss(ParameterStore store, NDList batch, long step);

    /**
     * Called after each applied optimizer step, outside the gradient collector and while the step's arrays are still
     * open (EMA updates, queue pushes, centre updates). Not called for a skipped (non-finite) step.
     *
     * @param step the step just applied, the same number {@link #loss} got
     */
    default void afterStep(long step) {}

    /** Architecture and hyper-parameters needed to rebuild the networks, stored in the manifest. */
    Map<String, String> architecture();

    /** Weights of every network and the method's own state, as named checkpoint sections. */
    Map<String, byte[]> saveState();

    /** Restores what {@link #saveState()} wrote. */
    void loadState(Map<String, byte[]> sections);

    /**
     * Refuses a checkpoint whose networks this method cannot hold, before its sections are loaded: a setting that
     * changes which layers a network has is caught here with a message that names the setting, where reading the
     * section into other layers would fail obscurely (or in the next forward pass). Every checkpoint fits unless the
     * method says otherwise.
     *
     * @param architecture the checkpoint's {@link #architecture()} entries, as its manifest holds them
     * @throws IllegalStateException saying which setting differs and how to resume
     */
    default void checkCheckpoint(Map<String, String> architecture) {}
}
