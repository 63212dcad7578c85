package dev.autodidact.learner.eval;

import dev.autodidact.learner.eval.internal.SoftmaxRegression;
import dev.autodidact.learner.eval.internal.Standardization;

/**
 * A fitted {@link LinearProbe}: the train mean and std, and the weights {@code W} ({@code C x d}) and bias {@code b}
 * that act on standardised rows. A row {@code x} is classified as {@code argmax_c (W ((x - mean) / std) + b)_c}, ties
 * going to the lower class index. Immutable.
 */
public final class LinearProbeModel {
    private final Standardization standardization;
    private final double[] theta;
    private final int dimension;
    private final int numClasses;
    private final double trainingLoss;

    LinearProbeModel(
            Standardization standardization, double[] theta, int dimension, int numClasses, double trainingLoss) {
        this.standardization = standardization;
        this.theta = theta;
        this.dimension = dimension;
        this.numClasses = numClasses;
        this.trainingLoss = trainingLoss;
    }

    /** The predicted class of one row. */
    public int predict(float[] row) {
        double[] z = logits(row);
        int best = 0;
        for (int c = 1; c < numClasses; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The predicted class of every row. */
    public int[] predict(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = predict(rows[i]);
        }
        return out;
    }

    /** The logits {@code W ((x - mean) / std) + b} of one row. */
    public double[] logits(float[] row) {
        double[] x = new double[dimension];
        standardization.apply(row, x, 0);
        double[] z = new double[numClasses];
        SoftmaxRegression.logits(theta, dimension, numClasses, x, 0, z);
        return z;
    }

    /** Fraction of rows of {@code test} whose predicted class equals their label, in {@code [0, 1]}. */
    public double top1(FeatureSet test) {
        if (test.numClasses() != numClasses) {
            throw new IllegalArgumentException("Model has " + numClasses + " classes, test " + test.numClasses());
        }
        int[] predicted = predict(test.features());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == test.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    /** The objective {@code L(W, b)} of {@link LinearProbe} on the whole train set after the last step. */
    public double trainingLoss() {
        return trainingLoss;
    }

    /** A copy of row {@code c} of {@code W}, in standardised coordinates. */
    public double[] weights(int c) {
        double[] w = new double[dimension];
        System.arraycopy(theta, c * dimension, w, 0, dimension);
        return w;
    }

    /** The bias of class {@code c}. */
    public double bias(int c) {
        return theta[numClasses * dimension + c];
    }

    /** {@code ||W||_F}, the Frobenius norm of the weights (bias excluded). */
    public double weightNorm() {
        double sq = 0;
        for (int j = 0; j < numClasses * dimension; j++) {
            sq += theta[j] * theta[j];
        }
        return Math.sqrt(sq);
    }

    /** A copy of the train mean used to standardise. */
    public double[] mean() {
        return standardization.mean().clone();
    }

    /** A copy of the train std used to standardise (1 for constant dimensions). */
    public double[] std() {
        return standardization.std().clone();
    }

    public int dimension() {
        return dimension;
    }

    public int numClasses() {
        return numClasses;
    }
}
