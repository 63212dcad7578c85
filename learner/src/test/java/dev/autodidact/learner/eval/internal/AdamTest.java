package dev.autodidact.learner.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void shouldMoveEachParameterByTheStepSizeOnTheFirstStep() {
        // After bias correction m = g and v = g^2, so the first update is lr * g / (|g| + 1e-8).
        double[] theta = {1, 1, 1};
        new Adam(3).step(theta, new double[] {0.5, -2, 0}, 0.1);

        assertThat(theta).containsExactly(new double[] {0.9, 1.1, 1}, within(1e-8));
    }

    @Test
    void shouldUseBiasCorrectedMomentsOnTheSecondStep() {
        // g1 = 1, g2 = 3: m_hat = (0.09 + 0.3) / 0.19, v_hat = (0.000999 + 0.009) / 0.001999; the first step is
        // -0.1 / (1 + 1e-8).
        double[] theta = {0};
        Adam adam = new Adam(1);
        adam.step(theta, new double[] {1}, 0.1);
        adam.step(theta, new double[] {3}, 0.1);

        double mHat = (0.9 * 0.1 * 1 + 0.1 * 3) / (1 - 0.81);
        double vHat = (0.999 * 0.001 * 1 + 0.001 * 9) / (1 - 0.999 * 0.999);
        assertThat(theta[0]).isCloseTo(-0.1 / (1 + 1e-8) - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), within(1e-12));
    }
}
