package dev.autodidact.learner.eval;

import dev.autodidact.learner.eval.internal.Adam;
import dev.autodidact.learner.eval.internal.SoftmaxRegression;
import dev.autodidact.learner.eval.internal.Standardization;
import java.util.Random;

/**
 * Linear evaluation of frozen embeddings: multinomial logistic regression (softmax and cross-entropy, with bias and an
 * L2 penalty on the weights) trained on the train set's features standardised with the train mean and population std.
 *
 * <p>The objective, over the {@code n} standardised train rows {@code x_i}:
 *
 * <pre>
 *   L(W, b) = (1/n) sum_i -log softmax(W x_i + b)_{y_i} + (weightDecay / 2) ||W||_F^2
 * </pre>
 *
 * minimised from {@code W = 0, b = 0} by mini-batch Adam for {@code epochs} passes over a seeded shuffle of the rows,
 * with the step size decayed from {@code learningRate} to 0 along a cosine ({@code lr_t = lr (1 + cos(pi t / T)) / 2}
 * over the {@code T} steps). A batch size of at least {@code n} gives full-batch Adam. The same options and seed give
 * the same model, whatever the number of cores.
 *
 * <p>Defaults: 100 epochs, batch 256, learning rate 0.01, weight decay 1e-4, seed 0. Measured on a shared 2-core
 * machine (EvalTimingBenchmarkTest): 10,000 x 128-d train rows, 10 classes, 1.0 to 2.2 s to fit with the defaults
 * (4,000 Adam steps). There the final loss was 0.0357 against 0.0352 after 300 epochs, so the defaults are close to
 * the optimum.
 */
public final class LinearProbe {
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double weightDecay;
    private final long seed;

    private LinearProbe(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.weightDecay = b.weightDecay;
        this.seed = b.seed;
    }

    /** A probe with the default options. */
    public static LinearProbe defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trains on {@code train} and returns the fitted classifier. */
    public LinearProbeModel fit(FeatureSet train) {
        Standardization standardization = Standardization.fit(train.features());
        int n = train.size();
        int d = train.dimension();
        int classes = train.numClasses();
        SoftmaxRegression objective =
                new SoftmaxRegression(standardization.applyFlat(train.features()), train.labels(), d, classes);
        double[] theta = new double[objective.parameterCount()];
        double[] grad = new double[theta.length];
        Adam adam = new Adam(theta.length);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        int batch = Math.min(batchSize, n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        long totalSteps = (long) epochs * stepsPerEpoch;
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int from = 0; from < n; from += batch) {
                objective.lossAndGradient(theta, order, from, Math.min(n, from + batch), weightDecay, grad);
                double lr = 0.5 * learningRate * (1 + Math.cos(Math.PI * step / totalSteps));
                adam.step(theta, grad, lr);
                step++;
            }
        }
        double loss = objective.lossAndGradient(theta, order, 0, n, weightDecay, grad);
        return new LinearProbeModel(standardization, theta, d, classes, loss);
    }

    /** Fits on {@code train} and returns the top-1 accuracy on {@code test}, in {@code [0, 1]}. */
    public double top1(FeatureSet train, FeatureSet test) {
        if (test.numClasses() != train.numClasses()) {
            throw new IllegalArgumentException(
                    "Train has " + train.numClasses() + " classes, test " + test.numClasses());
        }
        return fit(train).top1(test);
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public long seed() {
        return seed;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Options of a {@link LinearProbe}; every one is optional. */
    public static final class Builder {
        private int epochs = 100;
        private int batchSize = 256;
        private double learningRate = 0.01;
        private double weightDecay = 1e-4;
        private long seed;

        private Builder() {}

        /** Passes over the train set, at least 1. */
        public Builder optEpochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Rows per Adam step, at least 1; {@code >= n} means full batch. */
        public Builder optBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Peak Adam step size, positive and finite. */
        public Builder optLearningRate(double learningRate) {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        /** The L2 coefficient {@code lambda} of {@code (lambda/2) ||W||^2}, at least 0. */
        public Builder optWeightDecay(double weightDecay) {
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
            }
            this.weightDecay = weightDecay;
            return this;
        }

        /** Seed of the shuffles. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public LinearProbe build() {
            return new LinearProbe(this);
        }
    }
}
