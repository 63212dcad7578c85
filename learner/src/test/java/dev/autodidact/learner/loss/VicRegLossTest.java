package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.array;
import static dev.autodidact.learner.loss.Fixtures.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class VicRegLossTest {
    /** The three terms written out as in the authors' code. */
    static double reference(float[][] a, float[][] b, double lambda, double mu, double nu) {
        int n = a.length;
        int d = a[0].length;
        double invariance = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                invariance += (a[r][j] - b[r][j]) * (a[r][j] - b[r][j]);
            }
        }
        invariance /= n * d;
        double variance = (variance(a) + variance(b)) / 2;
        double covariance = covariance(a) + covariance(b);
        return lambda * invariance + mu * variance + nu * covariance;
    }

    private static double[][] centred(float[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] c = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] row : x) {
                mean += row[j];
            }
            mean /= n;
            for (int r = 0; r < n; r++) {
                c[r][j] = x[r][j] - mean;
            }
        }
        return c;
    }

    private static double variance(float[][] x) {
        double[][] c = centred(x);
        int n = x.length;
        int d = x[0].length;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double var = 0;
            for (double[] row : c) {
                var += row[j] * row[j];
            }
            total += Math.max(0, 1 - Math.sqrt(var / (n - 1) + 1e-4));
        }
        return total / d;
    }

    private static double covariance(float[][] x) {
        double[][] c = centred(x);
        int n = x.length;
        int d = x[0].length;
        double total = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (i != j) {
                    double cov = 0;
                    for (double[] row : c) {
                        cov += row[i] * row[j];
                    }
                    cov /= n - 1;
                    total += cov * cov;
                }
            }
        }
        return total / d;
    }

    @Test
    void shouldMatchTheReferenceTerms() {
        float[][] a = random(9, 5, 1);
        float[][] b = random(9, 5, 2);
        float[][] small = random(9, 5, 3);
        for (float[] row : small) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= 0.3f;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = VicRegLoss.compute(array(m, a), array(m, b), 25, 25, 1).getFloat();
            assertThat((double) loss).isCloseTo(reference(a, b, 25, 25, 1), within(1e-3));
            float withHinge =
                    VicRegLoss.compute(array(m, small), array(m, b), 1, 2, 3).getFloat();
            assertThat((double) withHinge).isCloseTo(reference(small, b, 1, 2, 3), within(1e-4));
            assertThat(reference(small, b, 0, 1, 0)).isGreaterThan(0.1);
        }
    }

    @Test
    void shouldBeSymmetricAndTranslationInvariantExceptForInvariance() {
        float[][] a = random(6, 4, 4);
        float[][] b = random(6, 4, 5);
        try (NDManager m = NDManager.newBaseManager()) {
            float ab = VicRegLoss.compute(array(m, a), array(m, b), 25, 25, 1).getFloat();
            float ba = VicRegLoss.compute(array(m, b), array(m, a), 25, 25, 1).getFloat();
            assertThat(ba).isCloseTo(ab, within(1e-4f));
            float shifted = VicRegLoss.compute(array(m, a).add(2), array(m, b), 0, 25, 1)
                    .getFloat();
            float unshifted =
                    VicRegLoss.compute(array(m, a), array(m, b), 0, 25, 1).getFloat();
            assertThat(shifted).isCloseTo(unshifted, within(1e-4f));
        }
    }

    @Test
    void shouldRejectBadShapesAndNegativeCoefficients() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> VicRegLoss.compute(m.ones(new Shape(3, 2)), m.ones(new Shape(3, 3)), 1, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> VicRegLoss.compute(m.ones(new Shape(1, 2)), m.ones(new Shape(1, 2)), 1, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> VicRegLoss.compute(m.ones(new Shape(3, 2)), m.ones(new Shape(3, 2)), 1, -1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
