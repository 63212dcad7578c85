package dev.autodidact.learner.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The MLP heads (projectors and predictors) of the self-supervised papers, described by one record: {@code layers}
 * linear layers, each hidden one followed by optional batch norm and an activation, and an optional batch norm without
 * affine parameters after the last one. Linear layers followed by batch norm have no bias (the norm's shift replaces
 * it). The factories name the head each paper uses.
 *
 * @param layers linear layers, at least 1
 * @param hidden units of each hidden layer
 * @param out units of the last layer
 * @param batchNorm batch norm after each hidden linear layer
 * @param gelu GELU instead of ReLU as the hidden activation
 * @param outputBatchNorm a batch norm without scale and shift after the last layer
 */
public record MlpHead(int layers, int hidden, int out, boolean batchNorm, boolean gelu, boolean outputBatchNorm) {

    public MlpHead {
        if (layers < 1 || hidden < 1 || out < 1) {
            throw new IllegalArgumentException(
                    "Invalid MLP head: " + layers + " layers, hidden " + hidden + ", out " + out);
        }
    }

    /**
     * SimCLR's projector (Chen et al. 2020, appendix B.9 at CIFAR scale): linear, BN, ReLU, linear. The loss is
     * applied to its output; the representation users embed with is the encoder output before it.
     */
    public static MlpHead simClr(int hidden, int out) {
        return new MlpHead(2, hidden, out, true, false, false);
    }

    /** BYOL's projector and predictor (Grill et al. 2020, sec. 3.3): linear, BN, ReLU, linear. */
    public static MlpHead byol(int hidden, int out) {
        return new MlpHead(2, hidden, out, true, false, false);
    }

    /** MoCo v2's projector (Chen et al. 2020, "Improved Baselines..."): linear, ReLU, linear, no batch norm. */
    public static MlpHead mocoV2(int hidden, int out) {
        return new MlpHead(2, hidden, out, false, false, false);
    }

    /**
     * SimSiam's projector at CIFAR scale (Chen and He 2021, appendix D: 2 layers): linear, BN, ReLU, linear, BN; the
     * output BN is what keeps the projector from a trivial constant and is part of the paper's recipe.
     */
    public static MlpHead simSiamProjector(int hidden, int out) {
        return new MlpHead(2, hidden, out, true, false, true);
    }

    /** The three-layer expander of Barlow Twins and VICReg: (linear, BN, ReLU) twice, then linear. */
    public static MlpHead expander(int dim) {
        return new MlpHead(3, dim, dim, true, false, false);
    }

    /** DINO's head before its prototype layer (Caron et al. 2021, appendix): three linear layers with GELU, no BN. */
    public static MlpHead dino(int hidden, int bottleneck) {
        return new MlpHead(3, hidden, bottleneck, false, true, false);
    }

    /** @return a new, uninitialised block; initialise it with input shape (N, features) */
    public Block build() {
        SequentialBlock net = new SequentialBlock();
        for (int i = 0; i < layers - 1; i++) {
            net.add(Linear.builder().setUnits(hidden).optBias(!batchNorm).build());
            if (batchNorm) {
                net.add(BatchNorm.builder().build());
            }
            net.add(gelu ? Activation.geluBlock() : Activation.reluBlock());
        }
        net.add(Linear.builder().setUnits(out).optBias(!outputBatchNorm).build());
        if (outputBatchNorm) {
            net.add(BatchNorm.builder().optCenter(false).optScale(false).build());
        }
        return net;
    }
}
