package dev.autodidact.learner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019) on the engine's fused update, with
 * its moments kept here so that they can be written into a checkpoint and read back: DJL's own optimizers keep them
 * private. {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr (m_hat / (sqrt(v_hat) + eps) + wd w)}.
 */
public final class AdamW extends StatefulOptimizer {
    /** State format 1: per parameter, first moment then second moment. */
    private static final int FORMAT = 1;

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;

    public AdamW(NDManager parent, float weightDecay) {
        this(parent, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    public AdamW(NDManager parent, float beta1, float beta2, float epsilon, float weightDecay) {
        super(parent, FORMAT, 2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    void update(NDArray weight, NDArray grad, String id, float learningRate, long updates) {
        double coef1 = 1.0 - Math.pow(beta1, updates);
        double coef2 = 1.0 - Math.pow(beta2, updates);
        float lrCorrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        NDList inputs = new NDList(weight, grad, slot(0, id, weight), slot(1, id, weight));
        weight.getNDArrayInternal()
                .adamUpdate(
                        inputs,
                        new NDList(weight),
                        learningRate,
                        lrCorrected,
                        weightDecay,
                        1f,
                        -1f,
                        beta1,
                        beta2,
                        epsilon,
                        true,
                        true);
    }
}
