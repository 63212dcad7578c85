package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.array;
import static dev.autodidact.learner.loss.Fixtures.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class BarlowTwinsLossTest {
    /** Batch-standardised columns (biased variance, eps 1e-5), cross-correlation and the two terms, in loops. */
    static double reference(float[][] a, float[][] b, double lambda) {
        int n = a.length;
        int d = a[0].length;
        double[][] za = standardize(a);
        double[][] zb = standardize(b);
        double loss = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double c = 0;
                for (int r = 0; r < n; r++) {
                    c += za[r][i] * zb[r][j];
                }
                c /= n;
                loss += i == j ? (1 - c) * (1 - c) : lambda * c * c;
            }
        }
        return loss;
    }

    private static double[][] standardize(float[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] row : x) {
                mean += row[j];
            }
            mean /= n;
            double var = 0;
            for (float[] row : x) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            var /= n;
            for (int r = 0; r < n; r++) {
                out[r][j] = (x[r][j] - mean) / Math.sqrt(var + 1e-5);
            }
        }
        return out;
    }

    @Test
    void shouldMatchTheCrossCorrelationReference() {
        float[][] a = random(8, 5, 1);
        float[][] b = random(8, 5, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            for (double lambda : new double[] {0, 5e-3, 1}) {
                float loss = BarlowTwinsLoss.compute(array(m, a), array(m, b), (float) lambda)
                        .getFloat();
                assertThat((double) loss).isCloseTo(reference(a, b, lambda), within(1e-4));
            }
        }
    }

    @Test
    void shouldBeSymmetricShiftAndScaleInvariantAndSmallForIdenticalDecorrelatedViews() {
        float[][] a = random(6, 4, 3);
        float[][] b = random(6, 4, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            float ab = BarlowTwinsLoss.compute(array(m, a), array(m, b), 5e-3f).getFloat();
            float ba = BarlowTwinsLoss.compute(array(m, b), array(m, a), 5e-3f).getFloat();
            float affine = BarlowTwinsLoss.compute(array(m, a).mul(4).add(3), array(m, b), 5e-3f)
                    .getFloat();
            assertThat(ba).isCloseTo(ab, within(1e-5f));
            assertThat(affine).isCloseTo(ab, within(1e-4f));
            float[][] orthogonal = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
            float same = BarlowTwinsLoss.compute(array(m, orthogonal), array(m, orthogonal), 5e-3f)
                    .getFloat();
            assertThat(same).isCloseTo(0f, within(1e-4f));
        }
    }

    @Test
    void shouldRejectBadShapesAndNegativeLambda() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> BarlowTwinsLoss.compute(m.ones(new Shape(3, 2)), m.ones(new Shape(4, 2)), 0f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> BarlowTwinsLoss.compute(m.ones(new Shape(1, 2)), m.ones(new Shape(1, 2)), 0f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> BarlowTwinsLoss.compute(m.ones(new Shape(3, 2)), m.ones(new Shape(3, 2)), -1f))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
