package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.array;
import static dev.autodidact.learner.loss.Fixtures.cosine;
import static dev.autodidact.learner.loss.Fixtures.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ByolLossTest {
    /** The normalised MSE written out: 1/N sum ||q/|q| - z/|z| ||^2. */
    static double reference(float[][] q, float[][] z) {
        double total = 0;
        for (int i = 0; i < q.length; i++) {
            double[] a = Fixtures.unit(q[i]);
            double[] b = Fixtures.unit(z[i]);
            for (int j = 0; j < a.length; j++) {
                total += (a[j] - b[j]) * (a[j] - b[j]);
            }
        }
        return total / q.length;
    }

    @Test
    void shouldMatchTheNormalizedMeanSquaredError() {
        float[][] q = random(7, 5, 1);
        float[][] z = random(7, 5, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = ByolLoss.compute(array(m, q), array(m, z)).getFloat();
            assertThat((double) loss).isCloseTo(reference(q, z), within(1e-5));
            double twoMinusTwoCos = 0;
            for (int i = 0; i < q.length; i++) {
                twoMinusTwoCos += 2 - 2 * cosine(q[i], z[i]);
            }
            assertThat((double) loss).isCloseTo(twoMinusTwoCos / q.length, within(1e-5));
        }
    }

    @Test
    void shouldBeSymmetricScaleInvariantAndZeroForAlignedPairs() {
        float[][] a = random(4, 3, 3);
        float[][] b = random(4, 3, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            float ab = ByolLoss.compute(array(m, a), array(m, b)).getFloat();
            assertThat(ByolLoss.compute(array(m, b), array(m, a)).getFloat()).isCloseTo(ab, within(1e-5f));
            assertThat(ByolLoss.compute(array(m, a).mul(9), array(m, b)).getFloat())
                    .isCloseTo(ab, within(1e-5f));
            assertThat(ByolLoss.compute(array(m, a), array(m, a).mul(3)).getFloat())
                    .isCloseTo(0f, within(1e-5f));
            assertThat(ByolLoss.compute(array(m, a), array(m, a).neg()).getFloat())
                    .isCloseTo(4f, within(1e-5f));
            float symmetric = ByolLoss.symmetric(array(m, a), array(m, b), array(m, b), array(m, a))
                    .getFloat();
            assertThat(symmetric).isCloseTo(0f, within(1e-5f));
        }
    }

    @Test
    void shouldNotSendGradientsIntoTheTarget() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = array(m, random(3, 4, 5));
            NDArray z = array(m, random(3, 4, 6));
            q.setRequiresGradient(true);
            z.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(ByolLoss.compute(q, z));
            }
            assertThat(q.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(z.getGradient().abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void shouldRejectMismatchedShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> ByolLoss.compute(m.ones(new Shape(3, 2)), m.ones(new Shape(3, 4))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ByolLoss.compute(m.ones(new Shape(6)), m.ones(new Shape(6))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
