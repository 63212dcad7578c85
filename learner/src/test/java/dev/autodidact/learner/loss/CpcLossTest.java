package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CPC's InfoNCE against the formula written out element by element in double. */
class CpcLossTest {
    private static final int N = 2;
    private static final int T = 6;
    private static final int K = 3;
    private static final int D = 4;
    private static final int M = 5;

    /** The mean over k of the mean over (n, t < T - k) of -log softmax, negatives equal to the positive left out. */
    static double reference(double[][][] z, double[][][][] p, long[][] negatives) {
        double total = 0;
        for (int k = 1; k <= K; k++) {
            double sum = 0;
            int count = 0;
            for (int n = 0; n < N; n++) {
                for (int t = 0; t + k < T; t++) {
                    double[] prediction = p[n][t][k - 1];
                    double positive = dot(prediction, z[n][t + k]);
                    double denominator = Math.exp(positive);
                    for (long j : negatives[k - 1]) {
                        if (j != (long) n * T + t + k) {
                            denominator += Math.exp(dot(prediction, z[(int) j / T][(int) j % T]));
                        }
                    }
                    sum += -(positive - Math.log(denominator));
                    count++;
                }
            }
            total += sum / count;
        }
        return total / K;
    }

    private static double[][][] latents(Random r) {
        double[][][] z = new double[N][T][D];
        for (double[][] clip : z) {
            for (double[] frame : clip) {
                for (int d = 0; d < D; d++) {
                    frame[d] = r.nextGaussian();
                }
            }
        }
        return z;
    }

    private static double[][][][] predictions(Random r, double scale) {
        double[][][][] p = new double[N][T][K][D];
        for (double[][][] clip : p) {
            for (double[][] frame : clip) {
                for (double[] step : frame) {
                    for (int d = 0; d < D; d++) {
                        step[d] = scale * r.nextGaussian();
                    }
                }
            }
        }
        return p;
    }

    private static NDArray array(NDManager m, double[][][] z) {
        float[] flat = new float[N * T * D];
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                for (int d = 0; d < D; d++) {
                    flat[(n * T + t) * D + d] = (float) z[n][t][d];
                }
            }
        }
        return m.create(flat, new Shape(N, T, D));
    }

    private static NDArray array(NDManager m, double[][][][] p) {
        float[] flat = new float[N * T * K * D];
        int i = 0;
        for (double[][][] clip : p) {
            for (double[][] frame : clip) {
                for (double[] step : frame) {
                    for (double v : step) {
                        flat[i++] = (float) v;
                    }
                }
            }
        }
        return m.create(flat, new Shape(N, T, K, D));
    }

    @Test
    void shouldMatchTheReferenceWithNegativesFromEveryFrameAndClip() {
        Random r = new Random(3);
        double[][][] z = latents(r);
        double[][][][] p = predictions(r, 0.5);
        // Step 1's third negative is the positive of (n=0, t=3) (index 4): it must be left out of that prediction only.
        long[][] negatives = {{0, 11, 4, 7, 9}, {2, 2, 6, 10, 1}, {5, 8, 3, 0, 11}};
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = CpcLoss.compute(array(m, z), array(m, p), m.create(negatives))
                    .getFloat();
            assertThat((double) loss).isCloseTo(reference(z, p, negatives), within(1e-4));
        }
    }

    @Test
    void shouldBeLogOfOnePlusTheNegativesWhenEveryScoreIsEqual() {
        Random r = new Random(4);
        // First frames of the two clips: never a prediction's positive, so every prediction has all M negatives.
        long[][] negatives = {{0, 6, 0, 6, 0}, {6, 6, 0, 0, 6}, {0, 0, 0, 6, 6}};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray zeros = m.zeros(new Shape(N, T, K, D));
            float loss = CpcLoss.compute(array(m, latents(r)), zeros, m.create(negatives))
                    .getFloat();
            assertThat(loss).isCloseTo((float) Math.log(1 + M), within(1e-5f));
        }
    }

    @Test
    void shouldRefuseMismatchedShapesAndTooFewFrames() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.zeros(new Shape(N, T, D));
            assertThatThrownBy(() -> CpcLoss.compute(z, m.zeros(new Shape(N, T, K, D + 1)), m.zeros(new Shape(K, M))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CpcLoss.compute(z, m.zeros(new Shape(N, T, K, D)), m.zeros(new Shape(K + 1, M))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CpcLoss.compute(z, m.zeros(new Shape(N, T, T, D)), m.zeros(new Shape(T, M))))
                    .hasMessageContaining("more than " + T + " frames");
        }
    }
}
