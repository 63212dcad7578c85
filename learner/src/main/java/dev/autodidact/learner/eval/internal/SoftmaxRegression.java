package dev.autodidact.learner.eval.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The objective of multinomial logistic regression with an L2 penalty on the weights (not the bias), over rows {@code
 * x_i} (length {@code d}) with labels {@code y_i} in {@code [0, C)}:
 *
 * <pre>
 *   z_i = W x_i + b                                   (W is C x d, b has C entries)
 *   L(W, b) = (1/m) sum_i [ log sum_c exp(z_ic) - z_{i,y_i} ] + (lambda/2) ||W||_F^2
 *   dL/dW = (1/m) sum_i (softmax(z_i) - e_{y_i}) x_i^T + lambda W
 *   dL/db = (1/m) sum_i (softmax(z_i) - e_{y_i})
 * </pre>
 *
 * The sums run over a batch, {@code m} rows picked by index. Parameters are packed into one array {@code theta}: {@code
 * W} row-major in {@code [0, C*d)}, then {@code b} in {@code [C*d, C*d + C)}. The batch is cut into fixed chunks that
 * are evaluated in parallel and summed in chunk order, so the result does not depend on the scheduling.
 */
public final class SoftmaxRegression {
    private static final int CHUNK_ROWS = 64;

    private final double[] x;
    private final int[] labels;
    private final int d;
    private final int classes;

    /**
     * @param x {@code n * d} values, row-major
     * @param labels {@code n} labels in {@code [0, classes)}
     */
    public SoftmaxRegression(double[] x, int[] labels, int d, int classes) {
        if (x.length != labels.length * d) {
            throw new IllegalArgumentException("Expected " + labels.length + " x " + d + " values, got " + x.length);
        }
        this.x = x;
        this.labels = labels;
        this.d = d;
        this.classes = classes;
    }

    /** {@code C * (d + 1)}. */
    public int parameterCount() {
        return classes * (d + 1);
    }

    /**
     * Evaluates {@code L} on the batch {@code rows[from..to)} and writes its gradient into {@code grad}.
     *
     * @return the loss
     */
    public double lossAndGradient(double[] theta, int[] rows, int from, int to, double weightDecay, double[] grad) {
        int m = to - from;
        int chunks = (m + CHUNK_ROWS - 1) / CHUNK_ROWS;
        int p = parameterCount();
        double[][] partial = new double[chunks][];
        double[] losses = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] g = new double[p];
            int start = from + c * CHUNK_ROWS;
            losses[c] = accumulate(theta, rows, start, Math.min(to, start + CHUNK_ROWS), g);
            partial[c] = g;
        });
        Arrays.fill(grad, 0);
        double loss = 0;
        for (int c = 0; c < chunks; c++) {
            loss += losses[c];
            double[] g = partial[c];
            for (int j = 0; j < p; j++) {
                grad[j] += g[j];
            }
        }
        double inv = 1.0 / m;
        double penalty = 0;
        for (int j = 0; j < classes * d; j++) {
            grad[j] = grad[j] * inv + weightDecay * theta[j];
            penalty += theta[j] * theta[j];
        }
        for (int j = classes * d; j < p; j++) {
            grad[j] *= inv;
        }
        return loss * inv + 0.5 * weightDecay * penalty;
    }

    /** The logits {@code W x + b} of the row starting at {@code offset} of {@code rows}, written into {@code out}. */
    public static void logits(double[] theta, int d, int classes, double[] rows, int offset, double[] out) {
        int bias = classes * d;
        for (int c = 0; c < classes; c++) {
            out[c] = theta[bias + c] + Dot.dot(theta, c * d, rows, offset, d);
        }
    }

    /** Adds the gradient sums of rows {@code rows[from..to)} into {@code g}; returns the summed cross-entropy. */
    private double accumulate(double[] theta, int[] rows, int from, int to, double[] g) {
        double[] z = new double[classes];
        double loss = 0;
        int bias = classes * d;
        for (int r = from; r < to; r++) {
            int i = rows[r];
            int offset = i * d;
            logits(theta, d, classes, x, offset, z);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            int y = labels[i];
            double shiftedTarget = z[y] - max;
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            loss += Math.log(sum) - shiftedTarget;
            for (int c = 0; c < classes; c++) {
                double coef = z[c] / sum - (c == y ? 1 : 0);
                int w = c * d;
                for (int j = 0; j < d; j++) {
                    g[w + j] += coef * x[offset + j];
                }
                g[bias + c] += coef;
            }
        }
        return loss;
    }
}
