package dev.autodidact.learner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * SGD with heavy-ball momentum and L2 weight decay on the engine's fused update, with the momentum buffers kept here
 * so that they go into checkpoints: {@code b = mu b + lr (g + wd w); w -= b}. With a constant learning rate this is
 * PyTorch's {@code torch.optim.SGD(momentum=mu, weight_decay=wd)}; the learning rate sits inside the buffer, so a
 * changing rate takes effect gradually (the MXNet form). The optimizer of the SimSiam and MoCo papers (SimSiam at
 * CIFAR scale: lr 0.03 x batch/256 and up, momentum 0.9, weight decay 5e-4).
 */
public final class SgdMomentum extends StatefulOptimizer {
    /** State format 2: per parameter, the momentum buffer. */
    private static final int FORMAT = 2;

    private final float momentum;
    private final float weightDecay;

    public SgdMomentum(NDManager parent, float momentum, float weightDecay) {
        super(parent, FORMAT, 1);
        if (momentum <= 0 || momentum >= 1) {
            throw new IllegalArgumentException("SGD momentum must be in (0, 1), got " + momentum);
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    void update(NDArray weight, NDArray grad, String id, float learningRate, long updates) {
        NDList inputs = new NDList(weight, grad, slot(0, id, weight));
        weight.getNDArrayInternal()
                .sgdUpdate(inputs, new NDList(weight), learningRate, weightDecay, 1f, -1f, momentum, false);
    }
}
