package dev.autodidact.learner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;

/**
 * An optimizer whose state (moments, momentum buffers, update count) can be written into a checkpoint and read back,
 * which DJL's own optimizers do not allow. Parameters are named, so that state follows a parameter across restarts.
 */
public interface Optimizer extends AutoCloseable {

    /** Applies one update to every parameter that has a gradient, then zeroes the gradients. */
    void step(List<Pair<String, Parameter>> parameters, float learningRate);

    /** @return updates applied since creation or since the state that {@link #load(byte[])} read */
    long updates();

    /** @return the state in a stable binary form */
    byte[] save();

    /** Restores what {@link #save()} wrote. */
    void load(byte[] state);

    @Override
    void close();

    /**
     * @param name {@code adamw} or {@code sgd}
     * @param parent the manager that owns the state
     * @param weightDecay AdamW's decoupled decay or SGD's L2 decay
     * @param sgdMomentum SGD's momentum (ignored by AdamW)
     * @return a new optimizer
     */
    static Optimizer create(String name, NDManager parent, float weightDecay, float sgdMomentum) {
        return switch (name) {
            case "adamw" -> new AdamW(parent, weightDecay);
            case "sgd" -> new SgdMomentum(parent, sgdMomentum, weightDecay);
            default -> throw new IllegalArgumentException("Unknown optimizer " + name + "; expected adamw or sgd");
        };
    }

    /** Zeroes gradients without updating, e.g. after a non-finite loss. */
    static void zeroGradients(List<Pair<String, Parameter>> parameters, NDManager scope) {
        for (Pair<String, Parameter> p : parameters) {
            NDArray weight = p.getValue().getArray();
            if (weight.hasGradient()) {
                NDArray grad = weight.getGradient();
                grad.attach(scope);
                grad.set(new NDIndex("..."), 0f);
            }
        }
    }
}
