package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;

/**
 * SimSiam's loss (Chen and He, "Exploring Simple Siamese Representation Learning", CVPR 2021, eq. 1 and 3): the
 * negative cosine similarity between a prediction {@code p} and a projection {@code z} under stop-gradient,
 * {@code D(p, z) = -1/N sum_i (p_i / ||p_i||) . (z_i / ||z_i||)}, between -1 and 1, symmetrised as
 * {@code L = D(p1, sg(z2)) / 2 + D(p2, sg(z1)) / 2} ({@link #symmetric}). The stop-gradient on {@code z} is what
 * prevents collapse (sec. 4.1); it is applied here, so callers pass {@code z} as it comes from the projector.
 */
public final class NegativeCosineLoss {
    private static final double EPSILON = 1e-12;

    private NegativeCosineLoss() {}

    /**
     * @param prediction predictions, shape (N, d)
     * @param projection projections of the other view, shape (N, d); not differentiated
     * @return the scalar {@code D(p, sg(z))}
     */
    public static NDArray compute(NDArray prediction, NDArray projection) {
        Losses.checkPair("Negative cosine", prediction, projection);
        NDArray p = prediction.normalize(2, 1, EPSILON);
        NDArray z = projection.stopGradient().normalize(2, 1, EPSILON);
        return p.mul(z).sum(new int[] {1}).mean().neg();
    }

    /**
     * @param prediction1 predictions of view 1
     * @param prediction2 predictions of view 2
     * @param projection1 projections of view 1
     * @param projection2 projections of view 2
     * @return {@code D(p1, sg(z2)) / 2 + D(p2, sg(z1)) / 2}, between -1 and 1
     */
    public static NDArray symmetric(
            NDArray prediction1, NDArray prediction2, NDArray projection1, NDArray projection2) {
        return compute(prediction1, projection2)
                .add(compute(prediction2, projection1))
                .div(2);
    }
}
