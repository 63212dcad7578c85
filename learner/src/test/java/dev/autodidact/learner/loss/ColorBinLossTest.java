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

/**
 * Colour-bin quantisation on a q x q grid over [-1, 1]^2 (edges, clamping, the array form against the scalar one),
 * the averaging of chroma over map cells, and the cross-entropy against a plain-Java reference.
 */
class ColorBinLossTest {

    @Test
    void shouldQuantiseChromaIntoEqualBinsOverMinusOneToOne() {
        assertThat(ColorBinLoss.bin(-1f, 16)).isZero();
        assertThat(ColorBinLoss.bin(-0.875f, 16)).as("lower edge of bin 1").isEqualTo(1);
        assertThat(ColorBinLoss.bin(-0.88f, 16)).isZero();
        assertThat(ColorBinLoss.bin(0f, 16)).isEqualTo(8);
        assertThat(ColorBinLoss.bin(-0.001f, 16)).isEqualTo(7);
        assertThat(ColorBinLoss.bin(0.999f, 16)).isEqualTo(15);
        assertThat(ColorBinLoss.bin(1f, 16))
                .as("the upper edge stays in the last bin")
                .isEqualTo(15);
        assertThat(ColorBinLoss.bin(-3f, 16)).isZero();
        assertThat(ColorBinLoss.bin(0.5f, 4)).isEqualTo(3);
        assertThat(ColorBinLoss.bin(0.49f, 4)).isEqualTo(2);
        assertThat(ColorBinLoss.classOf(0f, 0f, 16)).isEqualTo(8 * 16 + 8);
        assertThat(ColorBinLoss.classOf(1f, -1f, 16)).isEqualTo(15 * 16);
        assertThat(ColorBinLoss.classOf(-1f, 1f, 16)).isEqualTo(15);
    }

    @Test
    void shouldGiveTheSameClassesForArraysAsForSinglePairs() {
        Random r = new Random(2);
        int n = 500;
        float[] chroma = new float[n * 2];
        for (int i = 0; i < chroma.length; i++) {
            chroma[i] = i < 8 ? new float[] {-1, 1, 0, -0.5f, 0.5f, 0.0625f, -1, 1}[i] : r.nextFloat() * 2.2f - 1.1f;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray classes = ColorBinLoss.classes(m.create(chroma, new Shape(5, 100, 2)), 16);
            assertThat(classes.getShape()).isEqualTo(new Shape(5, 100));
            assertThat(classes.getDataType()).isEqualTo(DataType.INT64);
            long[] got = classes.toLongArray();
            for (int i = 0; i < n; i++) {
                assertThat(got[i])
                        .as("pair %d (%f, %f)", i, chroma[2 * i], chroma[2 * i + 1])
                        .isEqualTo(ColorBinLoss.classOf(chroma[2 * i], chroma[2 * i + 1], 16));
            }
        }
    }

    @Test
    void shouldAverageChromaOverEachCell() {
        float[] chroma = new float[4 * 4 * 2];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                chroma[(y * 4 + x) * 2] = y * 4 + x;
                chroma[(y * 4 + x) * 2 + 1] = -1;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray cells = ColorBinLoss.cellMeans(m.create(chroma, new Shape(1, 4, 4, 2)), 2);
            assertThat(cells.getShape()).isEqualTo(new Shape(1, 2, 2, 2));
            // cell (0, 0) holds pixels 0, 1, 4, 5; (0, 1) 2, 3, 6, 7; (1, 0) 8, 9, 12, 13; (1, 1) 10, 11, 14, 15
            assertThat(cells.toFloatArray()).containsExactly(2.5f, -1f, 4.5f, -1f, 10.5f, -1f, 12.5f, -1f);
            assertThatThrownBy(() -> ColorBinLoss.cellMeans(m.zeros(new Shape(1, 6, 6, 2)), 4))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldMatchThePerCellCrossEntropyComputedByHand() {
        int q = 4;
        int k = q * q;
        int side = 2;
        Random r = new Random(7);
        float[] logits = new float[k * side * side];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) r.nextGaussian();
        }
        float[] chroma = new float[4 * 4 * 2];
        for (int i = 0; i < chroma.length; i++) {
            chroma[i] = r.nextFloat() * 2 - 1;
        }
        double expected = 0;
        for (int cy = 0; cy < side; cy++) {
            for (int cx = 0; cx < side; cx++) {
                float a = 0;
                float b = 0;
                for (int y = cy * 2; y < cy * 2 + 2; y++) {
                    for (int x = cx * 2; x < cx * 2 + 2; x++) {
                        a += chroma[(y * 4 + x) * 2] / 4;
                        b += chroma[(y * 4 + x) * 2 + 1] / 4;
                    }
                }
                int target = ColorBinLoss.classOf(a, b, q);
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, logits[(c * side + cy) * side + cx]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(logits[(c * side + cy) * side + cx] - max);
                }
                expected -= logits[(target * side + cy) * side + cx] - max - Math.log(sum);
            }
        }
        expected /= side * side;
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = ColorBinLoss.compute(
                            m.create(logits, new Shape(1, k, side, side)), m.create(chroma, new Shape(1, 4, 4, 2)), q)
                    .getFloat();
            assertThat((double) loss).isCloseTo(expected, within(1e-5));
            assertThatThrownBy(() ->
                            ColorBinLoss.compute(m.zeros(new Shape(1, 9, 2, 2)), m.zeros(new Shape(1, 4, 4, 2)), q))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("16");
            assertThatThrownBy(() -> ColorBinLoss.classes(m.zeros(new Shape(2, 2)), 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
