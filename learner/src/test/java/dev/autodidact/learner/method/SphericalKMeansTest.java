package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spherical k-means on synthetic unit rows: it recovers well-separated clusters, re-seeds an empty cluster by splitting
 * the largest one with faiss's perturbation, and leaves nothing on the managers it is given.
 */
class SphericalKMeansTest {
    private static final int DIM = 8;

    /** {@code count} unit rows around basis vector {@code axis}, with Gaussian noise of std {@code noise}. */
    private static List<float[]> near(int axis, int count, double noise, Random r) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[DIM];
            for (int j = 0; j < DIM; j++) {
                v[j] = (float) (noise * r.nextGaussian()) + (j == axis ? 1f : 0f);
            }
            rows.add(unit(v));
        }
        return rows;
    }

    /** {@code perCluster} rows around each of the first {@code clusters} basis vectors, shuffled; truth gets the axes. */
    private static List<float[]> around(int clusters, int perCluster, long seed, List<Integer> truth) {
        Random r = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            for (int i = 0; i < perCluster; i++) {
                order.add(c);
            }
        }
        Collections.shuffle(order, r);
        List<float[]> rows = new ArrayList<>();
        for (int c : order) {
            rows.add(near(c, 1, 0.1, r).get(0));
            truth.add(c);
        }
        return rows;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (float) (v[j] / Math.sqrt(norm));
        }
        return out;
    }

    private static NDArray array(NDManager m, List<float[]> rows) {
        float[] flat = new float[rows.size() * DIM];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * DIM, DIM);
        }
        return m.create(flat, new Shape(rows.size(), DIM));
    }

    private static float[] row(float[] flat, int i) {
        float[] out = new float[DIM];
        System.arraycopy(flat, i * DIM, out, 0, DIM);
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** The most similar of {@code k} centroids for each row, in plain Java. */
    private static int[] assign(List<float[]> rows, float[] centroids, int k) {
        int[] out = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (dot(rows.get(i), row(centroids, c)) > dot(rows.get(i), row(centroids, best))) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shouldRecoverWellSeparatedClusters(long seed) {
        int k = 5;
        List<Integer> truth = new ArrayList<>();
        List<float[]> rows = around(k, 40, seed, truth);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray centroids = m.zeros(new Shape(k, DIM));
            SphericalKMeans.Stats stats = SphericalKMeans.fit(array(m, rows), centroids, 10, new Random(seed));
            float[] c = centroids.toFloatArray();

            assertThat(stats.sizes()).containsOnly(40L);
            int[] found = assign(rows, c, k);
            int[] clusterOfTrue = new int[k];
            for (int i = 0; i < rows.size(); i++) {
                clusterOfTrue[truth.get(i)] = found[i];
            }
            for (int i = 0; i < rows.size(); i++) {
                assertThat(found[i]).as("row %d", i).isEqualTo(clusterOfTrue[truth.get(i)]);
            }
            for (int t = 0; t < k; t++) {
                float[] axis = new float[DIM];
                axis[t] = 1;
                assertThat(dot(row(c, clusterOfTrue[t]), axis)).isGreaterThan(0.99);
            }
        }
    }

    @Test
    void shouldReseedAnEmptyClusterBySplittingTheLargest() {
        Random r = new Random(7);
        List<float[]> rows = new ArrayList<>(near(0, 12, 0.1, r));
        rows.addAll(near(1, 8, 0.1, r));
        try (NDManager m = NDManager.newBaseManager()) {
            float[] axes = new float[3 * DIM];
            axes[0] = 1;
            axes[DIM + 1] = 1;
            axes[2 * DIM + 2] = 1; // no row is near e2: this centroid gets no points
            NDArray centroids = m.create(axes, new Shape(3, DIM));
            NDArray x = array(m, rows);

            SphericalKMeans.Stats first = SphericalKMeans.refine(x, centroids, 1);

            assertThat(first.sizes()).containsExactly(12L, 8L, 0L);
            assertThat(first.reseeded()).isEqualTo(1);
            float[] c = centroids.toFloatArray();
            assertThat(dot(row(c, 2), row(c, 0))).isGreaterThan(0.999).isLessThan(1 - 1e-7);
            float[] ratio = new float[DIM];
            for (int j = 0; j < 2; j++) {
                ratio[j] = row(c, 2)[j] / row(c, 0)[j];
            }
            float eps = SphericalKMeans.SPLIT_EPSILON;
            assertThat((double) ratio[0] / ratio[1])
                    .as("the copy grows even and shrinks odd dimensions, the donor the opposite")
                    .isCloseTo(Math.pow((1 + eps) / (1 - eps), 2), within(1e-4));

            SphericalKMeans.Stats next = SphericalKMeans.refine(x, centroids, 1);

            assertThat(next.reseeded()).isZero();
            assertThat(next.sizes()[0] + next.sizes()[2]).isEqualTo(12L);
            assertThat(next.sizes()).doesNotContain(0L);
        }
    }

    @Test
    void shouldSplitRepeatedlyWhenThereAreMoreClustersThanRows() {
        List<float[]> rows = around(3, 1, 9, new ArrayList<>());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray centroids = m.zeros(new Shape(8, DIM));
            SphericalKMeans.Stats stats = SphericalKMeans.fit(array(m, rows), centroids, 3, new Random(1));

            assertThat(stats.reseeded()).isGreaterThanOrEqualTo(5);
            float[] norms = centroids.norm(new int[] {1}).toFloatArray();
            for (float n : norms) {
                assertThat(n).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    @Test
    void shouldLeaveNoArraysBehindOnTheRowsManager() {
        List<float[]> rows = around(4, 20, 10, new ArrayList<>());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = array(m, rows);
            NDArray centroids = m.zeros(new Shape(6, DIM));
            int before = ((BaseNDManager) m).getManagedArrays().size();
            SphericalKMeans.fit(x, centroids, 4, new Random(2));
            assertThat(((BaseNDManager) m).getManagedArrays().size()).isEqualTo(before);
        }
    }

    @Test
    void shouldRejectMismatchedShapesAndNoIterations() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(4, DIM));
            assertThatThrownBy(() -> SphericalKMeans.refine(x, m.ones(new Shape(2, DIM + 1)), 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SphericalKMeans.refine(x, m.ones(new Shape(2, DIM)), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
