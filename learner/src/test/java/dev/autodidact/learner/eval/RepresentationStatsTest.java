package dev.autodidact.learner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RepresentationStatsTest {
    private static final float[][] IDENTICAL = repeat(new float[] {0.3f, -1.2f, 2.0f, 0.7f}, 50);

    @Test
    void shouldReportZeroStdAndRankOneForCollapsedEmbeddings() {
        assertThat(RepresentationStats.stdOfNormalized(IDENTICAL)).isCloseTo(0, within(1e-7));
        assertThat(RepresentationStats.rankMe(IDENTICAL)).isCloseTo(1, within(1e-4));
    }

    @Test
    void shouldReportOneOverSqrtDimensionAndNearlyFullRankForGaussianEmbeddings() {
        float[][] x = KnnClassifierTest.gaussian(new Random(1), 1000, 16);

        assertThat(RepresentationStats.stdOfNormalized(x)).isCloseTo(0.25, within(0.01));
        assertThat(RepresentationStats.rankMe(x)).isGreaterThan(14).isLessThanOrEqualTo(16.0001);
    }

    @Test
    void shouldReportNaNRatherThanThrowForNonFiniteEmbeddings() {
        float[][] x = KnnClassifierTest.gaussian(new Random(2), 64, 8);
        x[5][3] = Float.NaN;
        float[][] y = KnnClassifierTest.gaussian(new Random(3), 64, 8);
        y[0][0] = Float.POSITIVE_INFINITY;

        assertThat(RepresentationStats.rankMe(x)).isNaN();
        assertThat(RepresentationStats.rankMe(y)).isNaN();
        assertThat(RepresentationStats.stdOfNormalized(x)).isNaN();
        assertThat(RepresentationStats.isFinite(x)).isFalse();
        assertThat(RepresentationStats.isFinite(KnnClassifierTest.gaussian(new Random(2), 64, 8)))
                .isTrue();
    }

    @Test
    void shouldMatchHandComputedStdOfNormalized() {
        // Normalised rows (1, 0) and (0, 1): each dimension holds {1, 0}, sample std sqrt(0.5).
        float[][] x = {{3, 0}, {0, 5}};

        assertThat(RepresentationStats.stdOfNormalized(x)).isCloseTo(Math.sqrt(0.5), within(1e-9));
    }

    @Test
    void shouldMatchHandComputedRankMe() {
        // Singular values 3 and 4: p = (3/7, 4/7) + 1e-7, exp of the entropy = 1.9796262126.
        assertThat(RepresentationStats.rankMe(new float[][] {{3, 0}, {0, 4}})).isCloseTo(1.9796262126, within(1e-8));
        // Orthonormal rows: equal singular values, rank = number of rows (Gram of the rows as n < d).
        assertThat(RepresentationStats.rankMe(new float[][] {{0, 2, 0, 0, 0}, {0, 0, 0, 2, 0}}))
                .isCloseTo(2, within(1e-5));
    }

    @Test
    void shouldGiveFullRankForAnOrthogonalBasisWhateverTheScale() {
        float[][] basis = new float[8][8];
        for (int i = 0; i < 8; i++) {
            basis[i][i] = 5;
        }

        assertThat(RepresentationStats.rankMe(basis)).isCloseTo(8.0000069, within(1e-6));
    }

    @Test
    void shouldMeasureAlignmentOnNormalisedPairs() {
        float[][] a = {{2, 0}, {0, 1}};
        float[][] b = {{0, 3}, {0, 7}};

        // Pair 0 is orthogonal (squared distance 2), pair 1 identical after normalisation.
        assertThat(RepresentationStats.alignment(a, b)).isCloseTo(1.0, within(1e-7));
        assertThat(RepresentationStats.alignment(a, b, 1)).isCloseTo(Math.sqrt(2) / 2, within(1e-7));
        assertThat(RepresentationStats.alignment(a, a)).isZero();
    }

    @Test
    void shouldGiveZeroUniformityForIdenticalPointsAndLowerForSpreadOnes() {
        assertThat(RepresentationStats.uniformity(IDENTICAL)).isZero();
        // Antipodal points: squared distance 4, log(exp(-2 * 4)) = -8.
        assertThat(RepresentationStats.uniformity(new float[][] {{1, 0}, {-3, 0}}))
                .isCloseTo(-8, within(1e-9));
        // Three points 120 degrees apart: every squared distance is 3, so log(exp(-6)) = -6.
        float s = (float) Math.sqrt(3) / 2;
        float[][] triangle = {{1, 0}, {-0.5f, s}, {-0.5f, -s}};
        assertThat(RepresentationStats.uniformity(triangle)).isCloseTo(-6, within(1e-6));
        assertThat(RepresentationStats.uniformity(triangle, 1)).isCloseTo(-3, within(1e-6));

        float[][] spread = KnnClassifierTest.gaussian(new Random(2), 200, 8);
        float[][] clustered = new float[200][];
        for (int i = 0; i < 200; i++) {
            clustered[i] = new float[8];
            clustered[i][0] = 10;
            for (int j = 0; j < 8; j++) {
                clustered[i][j] += spread[i][j];
            }
        }
        assertThat(RepresentationStats.uniformity(spread)).isLessThan(RepresentationStats.uniformity(clustered) - 1);
    }

    @Test
    void shouldStayFiniteAtLargeUniformityTemperature() {
        float[][] antipodal = {{1, 0}, {-1, 0}};

        assertThat(RepresentationStats.uniformity(antipodal, 1000)).isCloseTo(-4000, within(1e-6));
    }

    @Test
    void shouldRejectTooFewOrRaggedRows() {
        assertThatThrownBy(() -> RepresentationStats.stdOfNormalized(new float[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepresentationStats.uniformity(new float[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepresentationStats.rankMe(new float[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepresentationStats.alignment(new float[][] {{1, 2}}, new float[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float[][] repeat(float[] row, int n) {
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = row.clone();
        }
        return x;
    }
}
