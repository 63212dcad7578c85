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

class NegativeCosineLossTest {
    static double reference(float[][] p, float[][] z) {
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            total -= cosine(p[i], z[i]);
        }
        return total / p.length;
    }

    @Test
    void shouldMatchTheSymmetrizedNegativeCosine() {
        float[][] p1 = random(6, 5, 1);
        float[][] p2 = random(6, 5, 2);
        float[][] z1 = random(6, 5, 3);
        float[][] z2 = random(6, 5, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            float d = NegativeCosineLoss.compute(array(m, p1), array(m, z2)).getFloat();
            assertThat((double) d).isCloseTo(reference(p1, z2), within(1e-5));
            float l = NegativeCosineLoss.symmetric(array(m, p1), array(m, p2), array(m, z1), array(m, z2))
                    .getFloat();
            assertThat((double) l).isCloseTo(reference(p1, z2) / 2 + reference(p2, z1) / 2, within(1e-5));
            float swapped = NegativeCosineLoss.symmetric(array(m, p2), array(m, p1), array(m, z2), array(m, z1))
                    .getFloat();
            assertThat(swapped).isCloseTo(l, within(1e-6f));
        }
    }

    @Test
    void shouldReachMinusOneForAlignedPairsAndStopTheGradientOfTheProjection() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = array(m, random(3, 4, 5));
            NDArray z = p.mul(2);
            assertThat(NegativeCosineLoss.compute(p, z).getFloat()).isCloseTo(-1f, within(1e-5f));
            NDArray q = array(m, random(3, 4, 6));
            NDArray y = array(m, random(3, 4, 7));
            q.setRequiresGradient(true);
            y.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(NegativeCosineLoss.compute(q, y));
            }
            assertThat(q.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(y.getGradient().abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void shouldRejectMismatchedShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> NegativeCosineLoss.compute(m.ones(new Shape(2, 3)), m.ones(new Shape(3, 3))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
