package dev.autodidact.learner.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pixel losses against plain-Java sums: the plain mean squared error and the context encoder's masked form. */
class ReconstructionLossTest {
    private static final int N = 2;
    private static final int C = 3;
    private static final int H = 4;
    private static final int W = 5;

    @Test
    void shouldAverageTheSquaredErrorOverEveryElement() {
        float[] p = random(N * C * H * W, 1);
        float[] t = random(N * C * H * W, 2);
        double expected = 0;
        for (int i = 0; i < p.length; i++) {
            expected += (p[i] - t[i]) * (p[i] - t[i]);
        }
        expected /= p.length;
        try (NDManager m = NDManager.newBaseManager()) {
            float loss =
                    ReconstructionLoss.meanSquared(pixels(m, p), pixels(m, t)).getFloat();
            assertThat((double) loss).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void shouldWeighTheErasedRegionFullyAndTheContextByItsWeight() {
        float[] p = random(N * C * H * W, 3);
        float[] t = random(N * C * H * W, 4);
        byte[] mask = new byte[N * H * W];
        Random r = new Random(5);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) (r.nextFloat() < 0.3f ? 1 : 0);
        }
        double inside = 0;
        double outside = 0;
        int erased = 0;
        for (int n = 0; n < N; n++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    boolean e = mask[(n * H + y) * W + x] == 1;
                    erased += e ? 1 : 0;
                    for (int c = 0; c < C; c++) {
                        int i = ((n * C + c) * H + y) * W + x;
                        double se = (p[i] - t[i]) * (p[i] - t[i]);
                        if (e) {
                            inside += se;
                        } else {
                            outside += se;
                        }
                    }
                }
            }
        }
        double expected = inside / (C * erased) + 0.1 * outside / (C * (N * H * W - erased));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray maskArray = m.create(mask, new Shape(N, H, W)).toType(DataType.UINT8, false);
            float loss = ReconstructionLoss.masked(pixels(m, p), pixels(m, t), maskArray, 0.1f)
                    .getFloat();
            assertThat((double) loss).isCloseTo(expected, within(1e-5));

            float onlyErased = ReconstructionLoss.masked(pixels(m, p), pixels(m, t), maskArray, 0f)
                    .getFloat();
            assertThat((double) onlyErased).isCloseTo(inside / (C * erased), within(1e-5));
            NDArray none = m.zeros(new Shape(N, H, W), DataType.UINT8);
            float noHole = ReconstructionLoss.masked(pixels(m, p), pixels(m, t), none, 1f)
                    .getFloat();
            assertThat(noHole)
                    .as("no erased pixel: the context term alone, no division by zero")
                    .isCloseTo(
                            ReconstructionLoss.meanSquared(pixels(m, p), pixels(m, t))
                                    .getFloat(),
                            within(1e-5f));
        }
    }

    @Test
    void shouldRefuseMismatchedShapesAndANegativeWeight() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.zeros(new Shape(N, C, H, W));
            assertThatThrownBy(() -> ReconstructionLoss.meanSquared(a, m.zeros(new Shape(N, C, H, H))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ReconstructionLoss.masked(a, a, m.zeros(new Shape(N, W, H)), 0.1f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Mask");
            assertThatThrownBy(() -> ReconstructionLoss.masked(a, a, m.zeros(new Shape(N, H, W)), -1f))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static NDArray pixels(NDManager m, float[] values) {
        return m.create(values, new Shape(N, C, H, W));
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }
}
