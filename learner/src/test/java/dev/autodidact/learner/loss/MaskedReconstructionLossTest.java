package dev.autodidact.learner.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** MAE's loss against values computed here by plain loops, on the masked patches only. */
class MaskedReconstructionLossTest {
    private static final int N = 2;
    private static final int P = 3;
    private static final int K = 4;

    @Test
    void shouldNormaliseAPatchByItsMeanAndUnbiasedVariance() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = m.create(new float[] {0, 2}, new Shape(1, 1, 2));
            // mean 1, unbiased variance ((0-1)^2 + (2-1)^2) / 1 = 2
            float expected = (float) (1 / Math.sqrt(2 + 1e-6));
            assertThat(MaskedReconstructionLoss.normalizePatches(target).toFloatArray())
                    .containsExactly(new float[] {-expected, expected}, within(1e-6f));
            NDArray predicted = m.zeros(new Shape(1, 1, 2));
            NDArray loss = MaskedReconstructionLoss.compute(predicted, target, m.ones(new Shape(1, 1)), true);
            assertThat(loss.getFloat()).isCloseTo(expected * expected, within(1e-6f));
        }
    }

    @Test
    void shouldAverageTheSquaredErrorOverTheMaskedPatchesOnly() {
        float[] predicted = random(1);
        float[] target = random(2);
        float[] weights = {1, 0, 1, 0, 1, 1};
        for (boolean normalize : new boolean[] {false, true}) {
            try (NDManager m = NDManager.newBaseManager()) {
                float loss = MaskedReconstructionLoss.compute(
                                m.create(predicted, new Shape(N, P, K)),
                                m.create(target, new Shape(N, P, K)),
                                m.create(weights, new Shape(N, P)),
                                normalize)
                        .getFloat();
                assertThat(loss)
                        .as("normalize %s", normalize)
                        .isCloseTo((float) reference(predicted, target, weights, normalize), within(1e-5f));

                float[] otherUnmasked = predicted.clone();
                for (int k = 0; k < K; k++) {
                    otherUnmasked[K + k] += 5; // patch (0, 1), weight 0
                }
                float unchanged = MaskedReconstructionLoss.compute(
                                m.create(otherUnmasked, new Shape(N, P, K)),
                                m.create(target, new Shape(N, P, K)),
                                m.create(weights, new Shape(N, P)),
                                normalize)
                        .getFloat();
                assertThat(unchanged).isCloseTo(loss, within(1e-6f));
            }
        }
    }

    @Test
    void shouldRejectMismatchedShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> MaskedReconstructionLoss.compute(
                            m.zeros(new Shape(N, P, K)),
                            m.zeros(new Shape(N, P, K + 1)),
                            m.ones(new Shape(N, P)),
                            true))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MaskedReconstructionLoss.compute(
                            m.zeros(new Shape(N, P, K)), m.zeros(new Shape(N, P, K)), m.ones(new Shape(N)), true))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static double reference(float[] predicted, float[] target, float[] weights, boolean normalize) {
        double total = 0;
        double count = 0;
        for (int patch = 0; patch < N * P; patch++) {
            double[] t = new double[K];
            double mean = 0;
            for (int k = 0; k < K; k++) {
                t[k] = target[patch * K + k];
                mean += t[k] / K;
            }
            if (normalize) {
                double variance = 0;
                for (int k = 0; k < K; k++) {
                    variance += (t[k] - mean) * (t[k] - mean) / (K - 1);
                }
                for (int k = 0; k < K; k++) {
                    t[k] = (t[k] - mean) / Math.sqrt(variance + 1e-6);
                }
            }
            double error = 0;
            for (int k = 0; k < K; k++) {
                double d = predicted[patch * K + k] - t[k];
                error += d * d / K;
            }
            total += weights[patch] * error;
            count += weights[patch];
        }
        return total / count;
    }

    private static float[] random(long seed) {
        Random r = new Random(seed);
        float[] out = new float[N * P * K];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) r.nextGaussian() * 2 + 1;
        }
        return out;
    }
}
