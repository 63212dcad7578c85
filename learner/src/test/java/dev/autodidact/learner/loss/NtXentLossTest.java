package dev.autodidact.learner.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NtXentLossTest {
    /** Independent reference: the formula written out with doubles and loops. */
    static double reference(float[][] a, float[][] b, double tau) {
        int n = a.length;
        double[][] z = new double[2 * n][];
        for (int i = 0; i < n; i++) {
            z[i] = unit(a[i]);
            z[i + n] = unit(b[i]);
        }
        double total = 0;
        for (int i = 0; i < 2 * n; i++) {
            double denom = 0;
            for (int k = 0; k < 2 * n; k++) {
                if (k != i) {
                    denom += Math.exp(dot(z[i], z[k]) / tau);
                }
            }
            total += -Math.log(Math.exp(dot(z[i], z[(i + n) % (2 * n)]) / tau) / denom);
        }
        return total / (2 * n);
    }

    private static double[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / Math.sqrt(norm);
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static float[][] random(int n, int d, long seed) {
        Random r = new Random(seed);
        float[][] out = new float[n][d];
        for (float[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return out;
    }

    private static NDArray array(NDManager m, float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return m.create(flat, new Shape(rows.length, rows[0].length));
    }

    @Test
    void shouldMatchReferenceFormula() {
        float[][] a = random(6, 5, 1);
        float[][] b = random(6, 5, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            for (double tau : new double[] {0.1, 0.5, 1.0}) {
                float loss = NtXentLoss.compute(array(m, a), array(m, b), (float) tau)
                        .getFloat();
                assertThat((double) loss).isCloseTo(reference(a, b, tau), within(1e-4));
            }
        }
    }

    @Test
    void shouldBeSymmetricInViewsAndScaleInvariant() {
        float[][] a = random(4, 3, 3);
        float[][] b = random(4, 3, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            float ab = NtXentLoss.compute(array(m, a), array(m, b), 0.5f).getFloat();
            float ba = NtXentLoss.compute(array(m, b), array(m, a), 0.5f).getFloat();
            float scaled =
                    NtXentLoss.compute(array(m, a).mul(7), array(m, b), 0.5f).getFloat();
            assertThat(ba).isCloseTo(ab, within(1e-5f));
            assertThat(scaled).isCloseTo(ab, within(1e-5f));
        }
    }

    @Test
    void shouldBeLowWhenPositivesAlignAndNegativesAreOrthogonal() {
        float[][] eye = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        try (NDManager m = NDManager.newBaseManager()) {
            float aligned =
                    NtXentLoss.compute(array(m, eye), array(m, eye), 0.1f).getFloat();
            float shuffled = NtXentLoss.compute(
                            array(m, eye), array(m, new float[][] {eye[1], eye[0], eye[3], eye[2]}), 0.1f)
                    .getFloat();
            assertThat(aligned).isLessThan(0.01f);
            assertThat(shuffled).isGreaterThan(5f);
        }
    }

    @Test
    void shouldRejectMismatchedShapesAndBadTemperature() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> NtXentLoss.compute(m.ones(new Shape(3, 2)), m.ones(new Shape(4, 2)), 0.5f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NtXentLoss.compute(m.ones(new Shape(3, 2)), m.ones(new Shape(3, 2)), 0f))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
