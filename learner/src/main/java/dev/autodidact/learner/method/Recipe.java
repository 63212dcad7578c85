package dev.autodidact.learner.method;

/**
 * The optimisation defaults a method trains with unless the configuration says otherwise: optimizer, peak learning
 * rate, weight decay and the projector's size. They differ because the methods do: contrastive losses learn well with
 * AdamW and a small head, while the negative-free Siamese methods (BYOL, SimSiam) need a wide projector and predictor
 * (with 128/64 units and SimSiam's predictor bottleneck of 16, neither beat a random encoder in 5 CPU minutes). SGD
 * with SimSiam's paper settings (lr 0.06, momentum 0.9, weight decay 5e-4) learned more slowly than AdamW in the first
 * 300 steps. Measured on CIFAR-10 at 32 px on 2 CPU cores (README, "Measured"). Each {@link MethodSpec} names its own.
 *
 * @param optimizer {@code adamw} or {@code sgd}
 * @param learningRate peak learning rate (after warm-up)
 * @param weightDecay AdamW's decoupled decay, or SGD's L2 decay
 * @param projectionHidden hidden units of projector (and predictor, where the method has one)
 * @param projectionDim output size of projector and predictor
 * @param batchSize examples per step, at least 2 ({@link #BATCH_SIZE}, 256, unless the method's paper says otherwise)
 */
public record Recipe(
        String optimizer,
        double learningRate,
        double weightDecay,
        int projectionHidden,
        int projectionDim,
        int batchSize) {
    public static final String ADAMW = "adamw";
    public static final String SGD = "sgd";
    /** Examples per step unless a recipe or {@code batch.size} says otherwise. */
    public static final int BATCH_SIZE = 256;

    public Recipe {
        if (batchSize < 2) {
            throw new IllegalArgumentException("A recipe's batch size must be at least 2, got " + batchSize);
        }
    }

    /** A recipe with the default batch size, {@link #BATCH_SIZE}. */
    public Recipe(String optimizer, double learningRate, double weightDecay, int projectionHidden, int projectionDim) {
        this(optimizer, learningRate, weightDecay, projectionHidden, projectionDim, BATCH_SIZE);
    }

    /** AdamW at 1e-3 with a 128 → 64 projector: what the contrastive methods train with. */
    public static final Recipe CONTRASTIVE = new Recipe(ADAMW, 1e-3, 1e-4, 128, 64);
}
