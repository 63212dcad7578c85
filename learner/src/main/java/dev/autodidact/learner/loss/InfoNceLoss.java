package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * InfoNCE with a queue of negatives, as in MoCo (He et al., "Momentum Contrast for Unsupervised Visual Representation
 * Learning", CVPR 2020, eq. 1; MoCo v2, Chen et al. 2020, with temperature 0.2). With {@code q = query/||query||},
 * {@code k = key/||key||} and the queue rows {@code k_j} (already unit length: MoCo enqueues normalised keys),
 * {@code L = -1/N sum_i log( exp(q_i . k_i / tau) / (exp(q_i . k_i / tau) + sum_j exp(q_i . k_j / tau)) )}: a
 * {@code (K+1)}-way classification whose correct class is the key of the same image. Keys and queue are constants
 * (no gradient reaches the key encoder).
 */
public final class InfoNceLoss {
    private static final double EPSILON = 1e-12;
    /** Subtracted from an excluded logit: exp(-1e4) is 0 in float, and logits are at most 1/temperature. */
    private static final float EXCLUDED_PENALTY = 1e4f;

    private InfoNceLoss() {}

    /**
     * @param query query projections, shape (N, d)
     * @param key key projections of the other view, shape (N, d); not differentiated
     * @param queue negatives, shape (K, d), unit-length rows; not differentiated
     * @param temperature tau, greater than 0
     * @return the scalar mean loss
     */
    public static NDArray compute(NDArray query, NDArray key, NDArray queue, float temperature) {
        return compute(query, key, queue, temperature, null);
    }

    /**
     * As {@link #compute(NDArray, NDArray, NDArray, float)}, leaving out the queue entries that are not negatives of a
     * query: {@code excluded} (N, K) boolean, true where queue row {@code j} was drawn from the same source as query
     * {@code i} (an earlier pass's key of the same image). Their logits are lowered by {@value #EXCLUDED_PENALTY}
     * (after the temperature), so they carry no weight in the softmax and no gradient; null excludes none.
     */
    public static NDArray compute(NDArray query, NDArray key, NDArray queue, float temperature, NDArray excluded) {
        Losses.checkPair("InfoNCE", query, key);
        if (queue.getShape().dimension() != 2
                || queue.getShape().get(1) != query.getShape().get(1)) {
            throw new IllegalArgumentException(
                    "InfoNCE queue must be (K, " + query.getShape().get(1) + "), got " + queue.getShape());
        }
        Losses.checkPositive("Temperature", temperature);
        NDArray q = query.normalize(2, 1, EPSILON);
        NDArray k = key.stopGradient().normalize(2, 1, EPSILON);
        NDArray positive = q.mul(k).sum(new int[] {1}, true);
        NDArray negatives = q.matMul(Losses.constant(queue, q).transpose()).div(temperature);
        if (excluded != null) {
            if (!excluded.getShape().equals(negatives.getShape())) {
                throw new IllegalArgumentException(
                        "InfoNCE exclusions must be " + negatives.getShape() + ", got " + excluded.getShape());
            }
            negatives = negatives.sub(excluded.toType(DataType.FLOAT32, false).mul(EXCLUDED_PENALTY));
        }
        NDArray logits = NDArrays.concat(new NDList(positive.div(temperature), negatives), 1);
        return logits.logSoftmax(1).get(":, 0").mean().neg();
    }
}
