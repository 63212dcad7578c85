package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;

/**
 * Barlow Twins (Zbontar et al., "Barlow Twins: Self-Supervised Learning via Redundancy Reduction", ICML 2021, eq. 1
 * and 2). Each embedding dimension is standardised along the batch (batch norm without affine parameters: mean 0,
 * biased variance 1, epsilon 1e-5, as the authors' code does), then the cross-correlation of the two views is
 * {@code C_ij = 1/N sum_b zA_bi zB_bj}, and {@code L = sum_i (1 - C_ii)^2 + lambda sum_i sum_{j != i} C_ij^2}: the
 * invariance term drives the diagonal to 1, the redundancy-reduction term the rest to 0. The paper's
 * {@code lambda = 5e-3} ({@link #DEFAULT_LAMBDA}) was tuned for 8192 dimensions.
 */
public final class BarlowTwinsLoss {
    /** The paper's trade-off between the two terms. */
    public static final float DEFAULT_LAMBDA = 5e-3f;

    private static final float BN_EPSILON = 1e-5f;

    private BarlowTwinsLoss() {}

    /**
     * @param first embeddings of the first views, shape (N, d), N at least 2
     * @param second embeddings of the second views, shape (N, d)
     * @param lambda weight of the off-diagonal term, at least 0
     * @return the scalar loss
     */
    public static NDArray compute(NDArray first, NDArray second, float lambda) {
        Losses.checkPair("Barlow Twins", first, second);
        if (first.getShape().get(0) < 2) {
            throw new IllegalArgumentException("Barlow Twins needs at least 2 rows, got " + first.getShape());
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("Lambda must not be negative, got " + lambda);
        }
        long n = first.getShape().get(0);
        int d = (int) first.getShape().get(1);
        NDArray c = standardize(first).transpose().matMul(standardize(second)).div(n);
        NDArray eye = c.getManager().eye(d);
        NDArray onDiagonal = c.mul(eye).sum(new int[] {1}).sub(1).square().sum();
        NDArray offDiagonal = c.mul(eye.neg().add(1)).square().sum();
        return onDiagonal.add(offDiagonal.mul(lambda));
    }

    /** {@code (z - mean) / sqrt(var + eps)} per column, with the biased variance (batch norm in training mode). */
    static NDArray standardize(NDArray z) {
        NDArray centred = z.sub(z.mean(new int[] {0}, true));
        NDArray variance = centred.square().mean(new int[] {0}, true);
        return centred.div(variance.add(BN_EPSILON).sqrt());
    }
}
