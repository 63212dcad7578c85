package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * DeepCluster's classification loss on k-means pseudo-labels (Caron et al., "Deep Clustering for Unsupervised
 * Learning of Visual Features", ECCV 2018), in the swapped, prototype form of DeepCluster-v2 (Caron et al.,
 * "Unsupervised Learning of Visual Features by Contrasting Cluster Assignments", NeurIPS 2020, sec. 4 and appendix):
 * the classifier is the matrix of k-means centroids {@code C} (K, d), fixed between clusterings, applied to the
 * L2-normalised projections {@code z}. The pseudo-label of view v is the assignment of the <em>other</em> view's
 * detached projection, {@code y_i^v = argmax_k z_i^{v'} . c_k}, and the prediction is
 * {@code p_i^v = softmax(z_i^v C^T / tau)}.
 *
 * <p>DeepCluster samples images uniformly over pseudo-labels so that a few large clusters cannot dominate the
 * classifier (the trivial solution, sec. 3.3). A stream has no epoch to resample, so each sample is instead weighted by
 * the inverse frequency of its pseudo-label in the batch, {@code w_i = 1 / |{j : y_j = y_i}|}: every pseudo-label
 * present in the batch carries the same total weight, which is what uniform sampling over labels gives in
 * expectation. With {@code CE_i^v = -log p_i^v[y_i^v]}:
 * {@code L^v = sum_i w_i^v CE_i^v / sum_i w_i^v} (the mean over present labels of the mean CE within each) and
 * {@code L = (L^0 + L^1) / 2}. Gradients reach the projections only through the predictions.
 */
public final class DeepClusterLoss {
    private static final double EPSILON = 1e-12;

    private DeepClusterLoss() {}

    /**
     * @param z0 projections of view 0, shape (N, d)
     * @param z1 projections of view 1, shape (N, d)
     * @param centroids k-means centroids, shape (K, d), unit rows; not differentiated
     * @param temperature tau, greater than 0
     * @return the scalar loss, on {@code z0}'s manager
     */
    public static NDArray compute(NDArray z0, NDArray z1, NDArray centroids, float temperature) {
        Losses.checkPair("DeepCluster", z0, z1);
        if (centroids.getShape().dimension() != 2
                || centroids.getShape().get(1) != z0.getShape().get(1)) {
            throw new IllegalArgumentException(
                    "DeepCluster centroids must be (K, " + z0.getShape().get(1) + "), got " + centroids.getShape());
        }
        Losses.checkPositive("Temperature", temperature);
        NDArray c = Losses.constant(centroids, z0);
        NDArray a0 = z0.normalize(2, 1, EPSILON);
        NDArray a1 = z1.normalize(2, 1, EPSILON);
        NDArray labelsOf0 = assign(a0.stopGradient(), c);
        NDArray labelsOf1 = assign(a1.stopGradient(), c);
        NDArray loss0 = balancedCrossEntropy(a0.matMul(c.transpose()).div(temperature), labelsOf1);
        NDArray loss1 = balancedCrossEntropy(a1.matMul(c.transpose()).div(temperature), labelsOf0);
        return loss0.add(loss1).div(2);
    }

    /**
     * The index of the most similar centroid of each row: {@code argmax_k z_i . c_k}, shape (N), int64.
     *
     * @param z (N, d) rows
     * @param centroids (K, d) centroids
     */
    public static NDArray assign(NDArray z, NDArray centroids) {
        return z.matMul(centroids.transpose()).argMax(1);
    }

    /**
     * {@code sum_i w_i CE_i / sum_i w_i} with {@code CE_i = -log softmax(logits_i)[labels_i]} and {@code w_i} the
     * inverse count of {@code labels_i} among {@code labels}.
     *
     * @param logits (N, K)
     * @param labels (N) class indices in {@code [0, K)}
     */
    public static NDArray balancedCrossEntropy(NDArray logits, NDArray labels) {
        int k = (int) logits.getShape().get(1);
        NDArray members = labels.oneHot(k, DataType.FLOAT32);
        NDArray crossEntropy =
                logits.logSoftmax(1).mul(members).sum(new int[] {1}).neg();
        NDArray labelCounts = members.sum(new int[] {0}, true);
        NDArray weights = members.mul(labelCounts).sum(new int[] {1}).pow(-1);
        return crossEntropy.mul(weights).sum().div(weights.sum());
    }
}
