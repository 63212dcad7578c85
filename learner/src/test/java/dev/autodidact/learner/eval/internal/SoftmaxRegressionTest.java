package dev.autodidact.learner.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    @Test
    void shouldMatchHandComputedLossAndGradient() {
        // d = 1, C = 2, x = 1, y = 0, W = (1, 0), b = 0: z = (1, 0), loss = log(1 + e^-1), p1 = 1 - sigmoid(1).
        SoftmaxRegression objective = new SoftmaxRegression(new double[] {1}, new int[] {0}, 1, 2);
        double[] theta = {1, 0, 0, 0};
        double[] grad = new double[4];

        double loss = objective.lossAndGradient(theta, new int[] {0}, 0, 1, 0.5, grad);

        double p1 = 0.2689414213699951;
        assertThat(loss).isCloseTo(0.31326168751822286 + 0.25, within(1e-15));
        assertThat(grad).containsExactly(new double[] {-p1 + 0.5, p1, -p1, p1}, within(1e-15));
    }

    @Test
    void shouldGiveLogOfClassCountAtZeroParameters() {
        double[] x = {1, 2, 3, 4, 5, 6};
        SoftmaxRegression objective = new SoftmaxRegression(x, new int[] {0, 0, 2}, 2, 4);
        double[] grad = new double[objective.parameterCount()];

        double loss = objective.lossAndGradient(new double[grad.length], new int[] {0, 1, 2}, 0, 3, 1.0, grad);

        assertThat(loss).isCloseTo(Math.log(4), within(1e-15));
        // Bias gradient: 1/4 - share of the class among the labels.
        assertThat(new double[] {grad[8], grad[9], grad[10], grad[11]})
                .containsExactly(new double[] {0.25 - 2.0 / 3, 0.25, 0.25 - 1.0 / 3, 0.25}, within(1e-15));
    }

    @Test
    void shouldMatchCentralFiniteDifferencesOnASmallProblem() {
        Random random = new Random(4);
        int n = 150;
        int d = 3;
        int classes = 3;
        double[] x = new double[n * d];
        int[] y = new int[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = n - 1 - i;
            y[i] = random.nextInt(classes);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = random.nextGaussian();
            }
        }
        SoftmaxRegression objective = new SoftmaxRegression(x, y, d, classes);
        double[] theta = new double[objective.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = random.nextGaussian();
        }
        double[] grad = new double[theta.length];
        double[] unused = new double[theta.length];
        objective.lossAndGradient(theta, rows, 10, 140, 0.3, grad);

        double h = 1e-5;
        for (int j = 0; j < theta.length; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (objective.lossAndGradient(plus, rows, 10, 140, 0.3, unused)
                            - objective.lossAndGradient(minus, rows, 10, 140, 0.3, unused))
                    / (2 * h);
            assertThat(grad[j]).as("parameter %d", j).isCloseTo(numeric, within(1e-8));
        }
    }
}
