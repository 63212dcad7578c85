package dev.autodidact.learner.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenvaluesTest {

    @Test
    void shouldSolveTwoByTwo() {
        double[] eigenvalues = sorted(SymmetricEigenvalues.of(new double[] {2, 1, 1, 2}, 2));

        assertThat(eigenvalues).containsExactly(new double[] {1, 3}, within(1e-14));
    }

    @Test
    void shouldSolveATridiagonalThreeByThree() {
        // [[4,1,0],[1,3,1],[0,1,2]] has eigenvalues 3 - sqrt(3), 3, 3 + sqrt(3).
        double[] eigenvalues = sorted(SymmetricEigenvalues.of(new double[] {4, 1, 0, 1, 3, 1, 0, 1, 2}, 3));

        assertThat(eigenvalues).containsExactly(new double[] {3 - Math.sqrt(3), 3, 3 + Math.sqrt(3)}, within(1e-13));
    }

    @Test
    void shouldPreserveTraceAndFrobeniusNormOfARandomMatrix() {
        int n = 60;
        Random random = new Random(2);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i * n + j] = random.nextGaussian();
                a[j * n + i] = a[i * n + j];
            }
        }
        double trace = 0;
        double frobenius = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i * n + i];
        }
        for (double v : a) {
            frobenius += v * v;
        }

        double[] eigenvalues = SymmetricEigenvalues.of(a, n);

        assertThat(Arrays.stream(eigenvalues).sum()).isCloseTo(trace, within(1e-10));
        assertThat(Arrays.stream(eigenvalues).map(v -> v * v).sum()).isCloseTo(frobenius, within(1e-9));
    }

    @Test
    void shouldFindZeroEigenvaluesOfARankOneMatrix() {
        double[] v = {1, 2, 3, 4};
        double[] a = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i * 4 + j] = v[i] * v[j];
            }
        }

        assertThat(sorted(SymmetricEigenvalues.of(a, 4))).containsExactly(new double[] {0, 0, 0, 30}, within(1e-13));
    }

    @Test
    void shouldRejectAWronglySizedMatrix() {
        assertThatThrownBy(() -> SymmetricEigenvalues.of(new double[5], 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
