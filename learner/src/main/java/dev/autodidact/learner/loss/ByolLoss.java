package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;

/**
 * BYOL's regression loss (Grill et al., "Bootstrap Your Own Latent", NeurIPS 2020, eq. 2): the mean squared error
 * between the L2-normalised online prediction {@code q} and the L2-normalised target projection {@code z'},
 * {@code L = 1/N sum_i || q_i/||q_i|| - z'_i/||z'_i|| ||^2 = 1/N sum_i (2 - 2 cos(q_i, z'_i))}, between 0 and 4.
 * The target is a constant: no gradient flows into it (stop-gradient, sec. 3.1). BYOL symmetrises the loss by
 * swapping the views and adding the two terms (eq. 3), see {@link #symmetric}.
 */
public final class ByolLoss {
    private static final double EPSILON = 1e-12;

    private ByolLoss() {}

    /**
     * @param prediction online predictions, shape (N, d)
     * @param target target projections, shape (N, d), row i pairs with row i of {@code prediction}; not differentiated
     * @return the scalar mean of {@code 2 - 2 cos}
     */
    public static NDArray compute(NDArray prediction, NDArray target) {
        Losses.checkPair("BYOL", prediction, target);
        NDArray p = prediction.normalize(2, 1, EPSILON);
        NDArray z = target.stopGradient().normalize(2, 1, EPSILON);
        return p.mul(z).sum(new int[] {1}).mul(-2).add(2).mean();
    }

    /**
     * {@code L(q1, z'2) + L(q2, z'1)}: each view's prediction regresses the other view's target (eq. 3).
     *
     * @param prediction1 online predictions of view 1
     * @param prediction2 online predictions of view 2
     * @param target1 target projections of view 1
     * @param target2 target projections of view 2
     * @return the scalar symmetrised loss, between 0 and 8
     */
    public static NDArray symmetric(NDArray prediction1, NDArray prediction2, NDArray target1, NDArray target2) {
        return compute(prediction1, target2).add(compute(prediction2, target1));
    }
}
