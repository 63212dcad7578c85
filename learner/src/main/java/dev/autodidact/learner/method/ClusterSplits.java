package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * How the empty clusters of one k-means E step are re-seeded, planned on the K cluster sizes (the only numbers that
 * leave the engine) and applied to the centroids on the engine. As in faiss's clustering, which DeepCluster uses,
 * each empty cluster takes the largest cluster's centroid scaled by {@code 1 + eps} on even dimensions and
 * {@code 1 - eps} on odd ones, while the donor is scaled the opposite way; the donor's size is halved between the
 * two, so that the next empty cluster splits whichever cluster is then the largest (possibly the donor again, whose
 * perturbations then compound). Where every cluster has rows the plan is empty and the centroids are left as they are.
 */
final class ClusterSplits {
    private final long[] source;
    private final float[] grown;
    private final float[] shrunk;
    private final int count;

    private ClusterSplits(long[] source, float[] grown, float[] shrunk, int count) {
        this.source = source;
        this.grown = grown;
        this.shrunk = shrunk;
        this.count = count;
    }

    /** The splits that fill the empty clusters among {@code sizes}, in cluster order. */
    static ClusterSplits plan(long[] sizes) {
        int k = sizes.length;
        long[] size = sizes.clone();
        long[] source = new long[k];
        float[] grown = new float[k];
        float[] shrunk = new float[k];
        PriorityQueue<Integer> largestFirst = new PriorityQueue<>(
                Math.max(1, k), Comparator.<Integer>comparingLong(i -> -size[i]).thenComparingInt(i -> i));
        for (int i = 0; i < k; i++) {
            source[i] = i;
            if (size[i] > 0) {
                largestFirst.add(i);
            }
        }
        int count = 0;
        for (int i = 0; i < k && !largestFirst.isEmpty(); i++) {
            if (sizes[i] != 0) {
                continue;
            }
            int donor = largestFirst.poll();
            long moved = size[donor] / 2;
            size[i] = moved;
            size[donor] -= moved;
            source[i] = source[donor];
            grown[i] = grown[donor] + 1;
            shrunk[i] = shrunk[donor];
            shrunk[donor] += 1;
            largestFirst.add(donor);
            largestFirst.add(i);
            count++;
        }
        return new ClusterSplits(source, grown, shrunk, count);
    }

    /** Empty clusters re-seeded by this plan. */
    int count() {
        return count;
    }

    boolean empty() {
        return count == 0;
    }

    /**
     * The centroids after the splits: row i is {@code means[source_i] * (1 + eps s)^grown_i * (1 - eps s)^shrunk_i},
     * normalised, where {@code s} is +1 on even and -1 on odd dimensions. One gather (a one-hot product) and one
     * outer product of the exponents with the log factors; the result lives on {@code means}' manager.
     *
     * @param means (K, d) unit centroids, zero rows for the empty clusters
     */
    NDArray apply(NDArray means, float epsilon, float normEpsilon) {
        int k = source.length;
        if (means.getShape().dimension() != 2 || means.getShape().get(0) != k) {
            throw new IllegalArgumentException("Splits planned for " + k + " clusters, got " + means.getShape());
        }
        int d = (int) means.getShape().get(1);
        NDManager m = means.getManager();
        float[] alternating = new float[d];
        for (int j = 0; j < d; j++) {
            alternating[j] = j % 2 == 0 ? 1f : -1f;
        }
        NDArray sign = m.create(alternating, new Shape(1, d));
        NDArray logGrow = sign.mul(epsilon).add(1).log();
        NDArray logShrink = sign.mul(-epsilon).add(1).log();
        NDArray factor = m.create(grown, new Shape(k, 1))
                .matMul(logGrow)
                .add(m.create(shrunk, new Shape(k, 1)).matMul(logShrink))
                .exp();
        NDArray copies = m.create(source).oneHot(k, DataType.FLOAT32).matMul(means);
        return copies.mul(factor).normalize(2, 1, normEpsilon);
    }
}
