package dev.autodidact.learner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KnnClassifierTest {
    /**
     * Query (1, 0). Cosines: a = 1 (class 0), b = c = 0.6 (class 1), e = 1/sqrt(5) = 0.447 (class 0), d = -1 (class 0).
     * With k = 3 the votes are e^(1/T) for class 0 against 2 e^(0.6/T) for class 1: T = 0.1 gives 22026 vs 807 (class
     * 0), T = 10 gives 1.105 vs 2.124 (class 1). With k = 4 and T = 10, e adds e^0.0447: 2.151 vs 2.124 (class 0).
     */
    private static final FeatureSet FIVE_POINTS = FeatureSet.of(
            new float[][] {{1, 0}, {0.6f, 0.8f}, {-1, 0}, {0.6f, -0.8f}, {1, 2}}, new int[] {0, 1, 0, 1, 0}, 2);

    private static final float[][] QUERY = {{1, 0}};

    @Test
    void shouldLetTheNearestNeighbourOutvoteTwoFartherOnesAtLowTemperature() {
        assertThat(new KnnClassifier(3, 0.1).predict(FIVE_POINTS, QUERY)).containsExactly(0);
    }

    @Test
    void shouldFollowTheMajorityAtHighTemperature() {
        assertThat(new KnnClassifier(3, 10).predict(FIVE_POINTS, QUERY)).containsExactly(1);
    }

    @Test
    void shouldCountOnlyTheKNearestNeighbours() {
        assertThat(new KnnClassifier(4, 10).predict(FIVE_POINTS, QUERY)).containsExactly(0);
        assertThat(new KnnClassifier(50, 10).predict(FIVE_POINTS, QUERY)).containsExactly(0);
    }

    @Test
    void shouldRankByCosineNotEuclideanDistance() {
        // Euclidean nearest to (1, 0.2) is (1, 1); by cosine (0.98 vs 0.83) it is (10, 0).
        FeatureSet train = FeatureSet.of(new float[][] {{10, 0}, {1, 1}}, new int[] {0, 1}, 2);

        assertThat(new KnnClassifier(1, 0.07).predict(train, new float[][] {{1, 0.2f}}))
                .containsExactly(0);
    }

    @Test
    void shouldBreakTiesTowardsLowerRowThenLowerClass() {
        FeatureSet twins = FeatureSet.of(new float[][] {{1, 0}, {2, 0}}, new int[] {1, 0}, 2);

        assertThat(new KnnClassifier(1, 0.07).predict(twins, QUERY)).containsExactly(1);
        assertThat(new KnnClassifier(2, 0.07).predict(twins, QUERY)).containsExactly(0);
    }

    @Test
    void shouldEqualBruteForceNearestNeighbourWhenKIsOne() {
        Random random = new Random(7);
        FeatureSet train = FeatureSet.of(gaussian(random, 300, 16), randomLabels(random, 300, 5), 5);
        float[][] queries = gaussian(random, 103, 16);

        int[] predicted = new KnnClassifier(1, 0.07).predict(train, queries);

        for (int q = 0; q < queries.length; q++) {
            assertThat(predicted[q]).as("query %d", q).isEqualTo(train.labels()[bruteForceNearest(train, queries[q])]);
        }
    }

    @Test
    void shouldGiveTheSameAnswerInBatchAsOneQueryAtATime() {
        Random random = new Random(11);
        FeatureSet train = FeatureSet.of(gaussian(random, 1100, 8), randomLabels(random, 1100, 4), 4);
        float[][] queries = gaussian(random, 71, 8);
        KnnClassifier knn = new KnnClassifier();

        int[] batch = knn.predict(train, queries);

        for (int q = 0; q < queries.length; q++) {
            assertThat(knn.predict(train, new float[][] {queries[q]})).containsExactly(batch[q]);
        }
    }

    @Test
    void shouldScorePerfectlyOnSeparableClusters() {
        Random random = new Random(3);
        FeatureSet train = clusters(random, 4, 50, 8);
        FeatureSet test = clusters(random, 4, 25, 8);

        assertThat(new KnnClassifier().top1(train, test)).isEqualTo(1.0);
    }

    @Test
    void shouldReportTheFractionOfCorrectPredictions() {
        FeatureSet train = FeatureSet.of(new float[][] {{1, 0}, {0, 1}}, new int[] {0, 1}, 2);
        FeatureSet test =
                FeatureSet.of(new float[][] {{2, 0.1f}, {0.1f, 3}, {1, 0}, {0, 1}}, new int[] {0, 1, 1, 1}, 2);

        assertThat(new KnnClassifier(1, 0.07).top1(train, test)).isEqualTo(0.75);
    }

    @Test
    void shouldRejectInvalidSettingsAndShapes() {
        assertThatThrownBy(() -> new KnnClassifier(0, 0.07)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KnnClassifier(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KnnClassifier(5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KnnClassifier().predict(FIVE_POINTS, new float[][] {{1, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
        FeatureSet threeClasses = FeatureSet.of(new float[][] {{1, 0}}, new int[] {2}, 3);
        assertThatThrownBy(() -> new KnnClassifier().top1(FIVE_POINTS, threeClasses))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static float[][] gaussian(Random random, int n, int d) {
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    /** {@code perClass} points around each of the first {@code classes} axes of R^d, with small noise. */
    static FeatureSet clusters(Random random, int classes, int perClass, int d) {
        float[][] x = new float[classes * perClass][d];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % classes;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) (0.1 * random.nextGaussian());
            }
            x[i][y[i]] += 1;
        }
        return FeatureSet.of(x, y, classes);
    }

    private static int[] randomLabels(Random random, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(classes);
        }
        return y;
    }

    private static int bruteForceNearest(FeatureSet train, float[] q) {
        int best = -1;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < train.size(); i++) {
            float[] x = train.features()[i];
            double dot = 0;
            double nx = 0;
            double nq = 0;
            for (int j = 0; j < x.length; j++) {
                dot += (double) x[j] * q[j];
                nx += (double) x[j] * x[j];
                nq += (double) q[j] * q[j];
            }
            double cos = dot / Math.sqrt(nx * nq);
            if (cos > bestCos) {
                bestCos = cos;
                best = i;
            }
        }
        return best;
    }
}
