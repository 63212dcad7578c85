package dev.autodidact.learner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The 2-D sine-cosine embedding, checked value by value against MAE's formula on a small grid. */
class SinCosPositionsTest {

    @Test
    void shouldEncodeTheColumnInTheFirstHalfAndTheRowInTheSecond() {
        int dim = 8;
        float[] grid = SinCosPositions.grid(3, dim);
        assertThat(grid).hasSize(9 * dim);
        // Token at row 2, column 1 (index 7): k = 2 frequencies, 1 and 1/100.
        float[] token = Arrays.copyOfRange(grid, 7 * dim, 8 * dim);
        float[] expected = {
            (float) Math.sin(1), (float) Math.sin(0.01), (float) Math.cos(1), (float) Math.cos(0.01),
            (float) Math.sin(2), (float) Math.sin(0.02), (float) Math.cos(2), (float) Math.cos(0.02)
        };
        assertThat(token).containsExactly(expected, within(1e-6f));
        assertThat(Arrays.copyOfRange(grid, 0, dim)).containsExactly(0, 0, 1, 1, 0, 0, 1, 1);
    }

    @Test
    void shouldEncodeRectangularGridsRowMajorAndMatchTheSquareGrid() {
        int dim = 8;
        assertThat(SinCosPositions.grid(3, 3, dim)).containsExactly(SinCosPositions.grid(3, dim));
        float[] grid = SinCosPositions.grid(2, 5, dim);
        assertThat(grid).hasSize(10 * dim);
        // Token at row 1, column 3 (index 8): column 3 in the first half, row 1 in the second.
        float[] token = Arrays.copyOfRange(grid, 8 * dim, 9 * dim);
        float[] expected = {
            (float) Math.sin(3), (float) Math.sin(0.03), (float) Math.cos(3), (float) Math.cos(0.03),
            (float) Math.sin(1), (float) Math.sin(0.01), (float) Math.cos(1), (float) Math.cos(0.01)
        };
        assertThat(token).containsExactly(expected, within(1e-6f));
    }

    @Test
    void shouldEncodeASequenceWithSinesThenCosines() {
        float[] sequence = SinCosPositions.sequence(5, 4);
        assertThat(sequence).hasSize(20);
        // Position 3 with k = 2 frequencies, 1 and 1/100.
        assertThat(Arrays.copyOfRange(sequence, 12, 16))
                .containsExactly(
                        new float[] {
                            (float) Math.sin(3), (float) Math.sin(0.03), (float) Math.cos(3), (float) Math.cos(0.03)
                        },
                        within(1e-6f));
        assertThatThrownBy(() -> SinCosPositions.sequence(5, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAWidthThatIsNotAMultipleOfFour() {
        assertThatThrownBy(() -> SinCosPositions.grid(4, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
