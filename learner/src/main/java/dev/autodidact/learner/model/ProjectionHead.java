package dev.autodidact.learner.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The MLP head of SimCLR (Chen et al. 2020): linear, batch norm, ReLU, linear. The loss is applied to its output; the
 * representation users embed with is the encoder output before it.
 */
public final class ProjectionHead {
    private ProjectionHead() {
    }

    public static Block build(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(out).build());
    }
}
