package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;

/**
 * VICReg (Bardes, Ponce and LeCun, "VICReg: Variance-Invariance-Covariance Regularization for Self-Supervised
 * Learning", ICLR 2022, eq. 1 to 6), in the form of the authors' code, for which the paper's coefficients
 * {@code lambda = mu = 25}, {@code nu = 1} were tuned:
 * <ul>
 *   <li>invariance {@code s = 1/(N d) sum_b ||z_b - z'_b||^2} (mean squared error over every entry);
 *   <li>variance {@code v(Z) = 1/d sum_j max(0, gamma - sqrt(Var(z^j) + eps))} with {@code gamma = 1},
 *       {@code eps = 1e-4} and the unbiased variance, averaged over the two branches: {@code (v(Z) + v(Z')) / 2};
 *   <li>covariance {@code c(Z) = 1/d sum_{i != j} C(Z)_ij^2}, {@code C(Z) = 1/(N-1) sum_b (z_b - mean)(z_b - mean)^T},
 *       summed over the two branches: {@code c(Z) + c(Z')}.
 * </ul>
 * {@code L = lambda s + mu (v(Z) + v(Z')) / 2 + nu (c(Z) + c(Z'))}.
 */
public final class VicRegLoss {
    /** The paper's invariance, variance and covariance coefficients. */
    public static final float DEFAULT_INVARIANCE = 25f;

    public static final float DEFAULT_VARIANCE = 25f;
    public static final float DEFAULT_COVARIANCE = 1f;
    private static final float EPSILON = 1e-4f;
    private static final float GAMMA = 1f;

    private VicRegLoss() {}

    /**
     * @param first embeddings of the first views, shape (N, d), N at least 2
     * @param second embeddings of the second views, shape (N, d)
     * @param invariance lambda
     * @param variance mu
     * @param covariance nu
     * @return the scalar loss
     */
    public static NDArray compute(NDArray first, NDArray second, float invariance, float variance, float covariance) {
        Losses.checkPair("VICReg", first, second);
        if (first.getShape().get(0) < 2) {
            throw new IllegalArgumentException("VICReg needs at least 2 rows, got " + first.getShape());
        }
        if (!(invariance >= 0 && variance >= 0 && covariance >= 0)) {
            throw new IllegalArgumentException("VICReg coefficients must not be negative, got " + invariance + ", "
                    + variance + ", " + covariance);
        }
        NDArray s = first.sub(second).square().mean();
        NDArray a = first.sub(first.mean(new int[] {0}, true));
        NDArray b = second.sub(second.mean(new int[] {0}, true));
        NDArray v = varianceTerm(a).add(varianceTerm(b)).div(2);
        NDArray c = covarianceTerm(a).add(covarianceTerm(b));
        return s.mul(invariance).add(v.mul(variance)).add(c.mul(covariance));
    }

    /** {@code v(Z)} of centred embeddings. */
    static NDArray varianceTerm(NDArray centred) {
        long n = centred.getShape().get(0);
        NDArray std =
                centred.square().sum(new int[] {0}).div(n - 1).add(EPSILON).sqrt();
        return std.neg().add(GAMMA).maximum(0f).mean();
    }

    /** {@code c(Z)} of centred embeddings. */
    static NDArray covarianceTerm(NDArray centred) {
        long n = centred.getShape().get(0);
        int d = (int) centred.getShape().get(1);
        NDArray cov = centred.transpose().matMul(centred).div(n - 1);
        NDArray offDiagonal = cov.mul(cov.getManager().eye(d).neg().add(1));
        return offDiagonal.square().sum().div(d);
    }
}
