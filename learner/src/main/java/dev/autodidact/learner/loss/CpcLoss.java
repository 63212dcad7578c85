package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The InfoNCE loss of Contrastive Predictive Coding (van den Oord et al., "Representation Learning with Contrastive
 * Predictive Coding", 2018, eq. 4), with the bilinear score {@code f_k(z, c_t) = exp(z^T W_k c_t)} (eq. 3): for every
 * step {@code k = 1..K} ahead and every clip n and frame t with {@code t + k < T}, the prediction
 * {@code p = W_k c_(n,t)} must pick the true future latent {@code z_(n,t+k)} among M negatives,
 * {@code L_k = -mean_(n,t) log( exp(p . z_(n,t+k)) / (exp(p . z_(n,t+k)) + sum_j exp(p . z_j)) )}, and
 * {@code L = mean_k L_k}. The negatives {@code z_j} are latents of the batch drawn uniformly over every clip and
 * frame (other time steps of the same clip and other clips), the same M for every prediction of one k, as in the
 * reference implementation's batch-wide sampling; a negative that happens to be a prediction's own positive is left
 * out of that prediction's denominator. Gradients reach predictions, positives and negatives alike. At
 * initialisation, when the scores are about equal, the loss is about {@code log(1 + M)}.
 */
public final class CpcLoss {
    /** Score of a negative that is the prediction's own positive: exp underflows to 0. */
    private static final float EXCLUDED = -1e9f;

    private CpcLoss() {}

    /**
     * @param latents z, (N, T, D)
     * @param predictions {@code W_k c_t} for every frame t and step k, (N, T, K, D)
     * @param negatives for each step k, M indices into the N T latents flattened clip by clip, int (K, M)
     * @return the scalar mean loss over k
     */
    public static NDArray compute(NDArray latents, NDArray predictions, NDArray negatives) {
        Shape z = latents.getShape();
        Shape p = predictions.getShape();
        if (z.dimension() != 3
                || p.dimension() != 4
                || p.get(0) != z.get(0)
                || p.get(1) != z.get(1)
                || p.get(3) != z.get(2)) {
            throw new IllegalArgumentException(
                    "CPC needs latents (N, T, D) and predictions (N, T, K, D), got " + z + " and " + p);
        }
        long n = z.get(0);
        long frames = z.get(1);
        long dim = z.get(2);
        int steps = (int) p.get(2);
        Shape neg = negatives.getShape();
        if (neg.dimension() != 2 || neg.get(0) != steps || neg.get(1) < 1) {
            throw new IllegalArgumentException("CPC needs (K, M) negatives for K = " + steps + ", got " + neg);
        }
        if (steps >= frames) {
            throw new IllegalArgumentException(
                    "CPC predicts " + steps + " steps ahead, which needs more than " + frames + " frames");
        }
        NDManager manager = latents.getManager();
        NDArray flat = latents.reshape(n * frames, dim);
        NDArray index = negatives.toType(DataType.INT64, false);
        NDArray total = null;
        for (int k = 1; k <= steps; k++) {
            long queries = frames - k;
            NDArray predicted = predictions.get(":, :{}, {}, :", queries, k - 1).reshape(n * queries, dim);
            NDArray future = latents.get(":, {}:, :", k).reshape(n * queries, dim);
            NDArray drawn = index.get(k - 1);
            NDArray sampled = flat.gather(drawn.expandDims(1).broadcast(new Shape(drawn.size(), dim)), 0);
            NDArray positive = predicted.mul(future).sum(new int[] {1}, true);
            NDArray scores = predicted.matMul(sampled.transpose());
            NDArray own = manager.arange(0, (int) (n * frames), (int) frames, DataType.INT64)
                    .expandDims(1)
                    .add(manager.arange(k, (int) frames, 1, DataType.INT64).expandDims(0))
                    .reshape(n * queries, 1);
            NDArray excluded =
                    own.eq(drawn.expandDims(0)).toType(DataType.FLOAT32, false).mul(EXCLUDED);
            NDArray logits = NDArrays.concat(new NDList(positive, scores.add(excluded)), 1);
            NDArray term = logits.logSoftmax(1).get(":, 0").mean().neg();
            total = total == null ? term : total.add(term);
        }
        return total.div(steps);
    }
}
