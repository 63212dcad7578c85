package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A target network that follows an online network by exponential moving average: BYOL's target, MoCo's key encoder,
 * DINO's teacher. The target starts as an exact copy of the online weights and is frozen (its parameters never get
 * gradients and are never handed to the optimizer). {@link #update(double)}, called after the optimizer step and
 * outside the gradient collector, sets {@code theta_t = m theta_t + (1 - m) theta_o} in place for every trainable
 * parameter; batch-norm running statistics are not averaged: the target keeps those of its own forward passes, as the
 * papers' reference code does (it averages {@code parameters()}, not buffers).
 */
public final class EmaTarget {
    private final NDManager manager;
    private final List<Block> online;
    private final List<Block> target;

    /**
     * Copies {@code online} into {@code target} and freezes {@code target}. Both lists are initialised blocks of the
     * same architectures, in the same order.
     *
     * @param manager long-lived manager of the method, whose sub-managers hold the update's temporaries
     */
    public EmaTarget(NDManager manager, List<Block> online, List<Block> target) {
        if (online.size() != target.size()) {
            throw new IllegalArgumentException("Online and target networks differ in number");
        }
        this.manager = manager;
        this.online = List.copyOf(online);
        this.target = List.copyOf(target);
        for (int i = 0; i < online.size(); i++) {
            target.get(i).freezeParameters(true);
            List<Parameter> o = parameters(online.get(i));
            List<Parameter> t = parameters(target.get(i));
            if (o.size() != t.size()) {
                throw new IllegalArgumentException("Online and target networks differ in parameters");
            }
            for (int p = 0; p < o.size(); p++) {
                if (!o.get(p).getArray().getShape().equals(t.get(p).getArray().getShape())) {
                    throw new IllegalArgumentException("Parameter " + o.get(p).getName() + " differs in shape");
                }
                o.get(p).getArray().copyTo(t.get(p).getArray());
            }
        }
    }

    /**
     * {@code theta_t = m theta_t + (1 - m) theta_o} for every trainable parameter, in place. The online weights are
     * read detached, so the target never joins an autograd graph, whatever the thread's grad mode.
     *
     * @param momentum m in [0, 1]; 1 leaves the target unchanged, 0 copies the online weights
     */
    public void update(double momentum) {
        float m = (float) momentum;
        try (NDManager scratch = manager.newSubManager()) {
            for (int i = 0; i < online.size(); i++) {
                List<Parameter> o = parameters(online.get(i));
                List<Parameter> t = parameters(target.get(i));
                for (int p = 0; p < o.size(); p++) {
                    if (!o.get(p).requiresGradient()) {
                        continue;
                    }
                    NDArray source = o.get(p).getArray().stopGradient();
                    source.attach(scratch);
                    NDArray scaled = source.mul(1 - m);
                    scaled.attach(scratch);
                    t.get(p).getArray().muli(m).addi(scaled);
                }
            }
        }
    }

    private static List<Parameter> parameters(Block block) {
        List<Parameter> out = new ArrayList<>();
        block.getParameters().forEach(p -> out.add(p.getValue()));
        return out;
    }
}
