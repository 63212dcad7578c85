package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Spherical k-means (Lloyd's algorithm on the unit sphere, similarity = dot product) run on the engine, as
 * DeepCluster's clustering step needs it on a stream: each E step is one matrix product and an argmax, each M step a
 * one-hot matrix product for the cluster sums; only the K cluster sizes come back to the JVM, to find empty clusters.
 * Nothing loops over rows in Java.
 *
 * <p>Initialisation is greedy k-means++ (Arthur and Vassilvitskii 2007: each next centroid is a row drawn with
 * probability proportional to its squared distance to the nearest centroid chosen so far; greedy: the best of a few
 * such draws), with a {@link Random} the caller seeds, so that a clustering is reproducible. DeepCluster initialises
 * faiss with random rows; k-means++ costs K small engine steps and rarely leaves a well-separated cluster without a
 * centroid, which Lloyd's iterations cannot repair.
 *
 * <p>A cluster left empty by an E step is re-seeded as in DeepCluster's faiss clustering: the largest cluster is split,
 * the empty one taking a copy of its centroid scaled by {@code 1 + eps} on even and {@code 1 - eps} on odd
 * dimensions, the donor the opposite ({@code eps} = {@link #SPLIT_EPSILON}), both renormalised; the donor's size is
 * halved for the next empty cluster of the same step ({@link ClusterSplits}).
 */
public final class SphericalKMeans {
    /** Relative perturbation of a split centroid: faiss's {@code EPS} (1/1024), which DeepCluster's clustering uses. */
    public static final float SPLIT_EPSILON = 1f / 1024;

    private static final float NORM_EPSILON = 1e-12f;

    /**
     * What a clustering did.
     *
     * @param reseeded empty clusters re-seeded, summed over the iterations
     * @param sizes rows per cluster in the last E step
     */
    public record Stats(int reseeded, long[] sizes) {
        /** Size of the smallest cluster of the last E step. */
        public long smallest() {
            long min = Long.MAX_VALUE;
            for (long s : sizes) {
                min = Math.min(min, s);
            }
            return min;
        }

        /** Size of the largest cluster of the last E step. */
        public long largest() {
            long max = 0;
            for (long s : sizes) {
                max = Math.max(max, s);
            }
            return max;
        }
    }

    private SphericalKMeans() {}

    /**
     * Clusters {@code rows} into {@code centroids.size(0)} clusters: k-means++ seeding, then {@code iterations}
     * Lloyd iterations. The result is written into {@code centroids} in place; every temporary lives on sub-managers
     * of {@code rows}' manager that are closed before this returns.
     *
     * @param rows (N, d) unit rows, N at least 1; not modified
     * @param centroids (K, d), overwritten with unit rows
     * @param iterations Lloyd iterations, at least 1
     * @param random draws the k-means++ seeds
     */
    public static Stats fit(NDArray rows, NDArray centroids, int iterations, Random random) {
        check(rows, centroids);
        seed(rows, centroids, random);
        return refine(rows, centroids, iterations);
    }

    /**
     * Writes greedy k-means++ seeds drawn from {@code rows} into {@code centroids}: the first a uniform row, each next
     * one the best of {@code 2 + ln K} candidates drawn with probability proportional to their squared distance to the
     * nearest seed so far (the best: the one that leaves the smallest sum of those distances), as scikit-learn does.
     * Per seed, one transfer of an index; the draws are thresholds on the cumulative distances, compared on the
     * engine. If every row already coincides with a seed (fewer distinct rows than clusters), the remaining seeds
     * repeat rows; the first E step leaves those clusters empty and re-seeds them by splitting.
     */
    public static void seed(NDArray rows, NDArray centroids, Random random) {
        check(rows, centroids);
        int k = (int) centroids.getShape().get(0);
        long n = rows.getShape().get(0);
        int trials = 2 + (int) Math.log(k);
        try (NDManager scope = rows.getManager().newSubManager()) {
            NDArray x = constant(rows, scope);
            NDArray seeds = scope.zeros(centroids.getShape(), DataType.FLOAT32);
            NDArray first = x.get(new NDIndex("{}", random.nextInt((int) Math.min(n, Integer.MAX_VALUE))));
            seeds.set(new NDIndex("{}", 0), first);
            NDArray distance = squaredDistances(x, first.expandDims(0)).squeeze(1);
            for (int j = 1; j < k; j++) {
                NDArray next;
                try (NDManager step = scope.newSubManager()) {
                    next = nextSeed(constant(x, step), constant(distance, step), drawsOf(random, trials), seeds, j);
                    next.attach(scope);
                }
                distance.close();
                distance = next;
            }
            seeds.copyTo(centroids);
        }
    }

    /**
     * Draws candidates for seed {@code j} at the thresholds {@code draws} (fractions of the total squared distance),
     * writes the best into row {@code j} of {@code seeds} and returns the squared distances to the nearest seed it
     * leaves; everything but that write stays on {@code x}'s manager.
     */
    private static NDArray nextSeed(NDArray x, NDArray distance, float[] draws, NDArray seeds, int j) {
        long n = x.getShape().get(0);
        NDArray cumulative = distance.cumSum(0);
        NDArray thresholds = x.getManager().create(draws).mul(cumulative.get(new NDIndex("-1")));
        NDArray drawn = cumulative
                .expandDims(1)
                .lt(thresholds.expandDims(0))
                .toType(DataType.INT64, false)
                .sum(new int[] {0})
                .minimum(n - 1);
        NDArray candidates = drawn.oneHot((int) n, DataType.FLOAT32).matMul(x);
        NDArray reduced = squaredDistances(x, candidates).minimum(distance.expandDims(1));
        long best = reduced.sum(new int[] {0}).argMin(0).getLong();
        seeds.set(new NDIndex("{}", j), candidates.get(new NDIndex("{}", best)));
        return reduced.get(new NDIndex(":, {}", best));
    }

    private static float[] drawsOf(Random random, int trials) {
        float[] draws = new float[trials];
        for (int t = 0; t < trials; t++) {
            draws[t] = random.nextFloat();
        }
        return draws;
    }

    /** {@code |x_i - c_j|^2 = 2 - 2 x_i . c_j} for unit rows, clipped at 0: shape (N, M) for M centroids. */
    private static NDArray squaredDistances(NDArray x, NDArray centroids) {
        return x.matMul(centroids.transpose()).mul(-2).add(2).maximum(0);
    }

    /**
     * Runs {@code iterations} Lloyd iterations from the centroids given, updating them in place: assign each row to
     * its most similar centroid, move each centroid to the normalised mean of its rows, re-seed empty clusters.
     */
    public static Stats refine(NDArray rows, NDArray centroids, int iterations) {
        check(rows, centroids);
        if (iterations < 1) {
            throw new IllegalArgumentException("k-means needs at least one iteration, got " + iterations);
        }
        int k = (int) centroids.getShape().get(0);
        int reseeded = 0;
        long[] sizes = new long[k];
        for (int it = 0; it < iterations; it++) {
            try (NDManager scope = rows.getManager().newSubManager()) {
                NDArray x = constant(rows, scope);
                NDArray c = constant(centroids, scope);
                NDArray assignment = x.matMul(c.transpose()).argMax(1);
                NDArray members = assignment.oneHot(k, DataType.FLOAT32);
                NDArray counts = members.sum(new int[] {0});
                NDArray sums = members.transpose().matMul(x);
                NDArray means = sums.div(counts.maximum(1).expandDims(1)).normalize(2, 1, NORM_EPSILON);
                sizes = counts.toType(DataType.INT64, false).toLongArray();
                ClusterSplits splits = ClusterSplits.plan(sizes);
                NDArray next = splits.empty() ? means : splits.apply(means, SPLIT_EPSILON, NORM_EPSILON);
                reseeded += splits.count();
                next.copyTo(centroids);
            }
        }
        return new Stats(reseeded, sizes);
    }

    /** {@code array}, detached, as an array of {@code scope}: ops on it leave their results there. */
    private static NDArray constant(NDArray array, NDManager scope) {
        NDArray detached = array.stopGradient();
        detached.attach(scope);
        return detached;
    }

    private static void check(NDArray rows, NDArray centroids) {
        Shape r = rows.getShape();
        Shape c = centroids.getShape();
        if (r.dimension() != 2 || c.dimension() != 2 || r.get(1) != c.get(1) || r.get(0) < 1 || c.get(0) < 1) {
            throw new IllegalArgumentException(
                    "k-means needs (N, d) rows and (K, d) centroids, N and K at least 1; got " + r + " and " + c);
        }
    }
}
