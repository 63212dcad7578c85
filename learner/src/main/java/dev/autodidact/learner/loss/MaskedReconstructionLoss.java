package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;

/**
 * MAE's reconstruction loss (He et al., "Masked Autoencoders Are Scalable Vision Learners", CVPR 2022, sec. 3): the
 * mean squared error between predicted and target patch values, per patch, averaged over the masked patches only,
 * {@code L = sum_{n,p} w_np mean_k (y_npk - t_npk)^2 / sum_{n,p} w_np}. With {@code normalizeTarget} (the paper's
 * {@code norm_pix_loss}, its better setting) each target patch is first normalised by its own mean and variance,
 * {@code t = (x - mean_k x) / sqrt(var_k x + 1e-6)}, with the unbiased variance as the reference code's
 * {@code torch.var}.
 */
public final class MaskedReconstructionLoss {
    /** The reference code's epsilon under the square root of the per-patch variance. */
    public static final float EPSILON = 1e-6f;

    private MaskedReconstructionLoss() {}

    /**
     * @param predicted (N, P, K) predicted patch values
     * @param target (N, P, K) target patch values
     * @param weights (N, P) float: 1 for a patch the loss covers (masked), 0 for one it ignores; not all 0
     * @param normalizeTarget normalise each target patch by its own mean and variance first
     * @return the scalar loss on {@code predicted}'s manager
     */
    public static NDArray compute(NDArray predicted, NDArray target, NDArray weights, boolean normalizeTarget) {
        if (!predicted.getShape().equals(target.getShape())
                || predicted.getShape().dimension() != 3
                || !weights.getShape().equals(predicted.getShape().slice(0, 2))) {
            throw new IllegalArgumentException("Expected (N, P, K) predictions and targets and (N, P) weights, got "
                    + predicted.getShape() + ", " + target.getShape() + " and " + weights.getShape());
        }
        NDArray t = normalizeTarget ? normalizePatches(target) : target;
        NDArray perPatch = predicted.sub(t).square().mean(new int[] {2});
        return perPatch.mul(weights).sum().div(weights.sum());
    }

    /** Each patch (last axis of (N, P, K)) minus its mean, over the square root of its unbiased variance + 1e-6. */
    public static NDArray normalizePatches(NDArray target) {
        long k = target.getShape().get(2);
        if (k < 2) {
            throw new IllegalArgumentException("A patch needs at least 2 values to normalise, got " + k);
        }
        NDArray centred = target.sub(target.mean(new int[] {2}, true));
        NDArray variance = centred.square().sum(new int[] {2}, true).div(k - 1);
        return centred.div(variance.add(EPSILON).sqrt());
    }
}
