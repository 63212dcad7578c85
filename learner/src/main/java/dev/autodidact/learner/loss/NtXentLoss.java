package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * NT-Xent, the normalised temperature-scaled cross-entropy of SimCLR (Chen et al., "A Simple Framework for
 * Contrastive Learning of Visual Representations", ICML 2020, eq. 1).
 *
 * <p>For {@code 2N} projections where rows {@code i} and {@code i+N} are two views of one image, with
 * {@code z = u / ||u||} and {@code s(i,j) = z_i . z_j / tau}:
 * {@code loss = 1/(2N) * sum_i -log( exp(s(i, p(i))) / sum_{k != i} exp(s(i,k)) )}, {@code p(i) = (i + N) mod 2N}.
 * The other {@code 2N - 2} views in the batch are the negatives.
 */
public final class NtXentLoss {
    private static final float SELF_MASK = 1e9f;

    private NtXentLoss() {}

    /**
     * @param first projections of the first views, shape (N, d)
     * @param second projections of the second views, shape (N, d), row i pairs with row i of {@code first}
     * @param temperature tau, greater than 0
     * @return the scalar mean loss
     */
    public static NDArray compute(NDArray first, NDArray second, float temperature) {
        if (!first.getShape().equals(second.getShape()) || first.getShape().dimension() != 2) {
            throw new IllegalArgumentException("NT-Xent needs two (N, d) arrays of one shape, got " + first.getShape()
                    + " and " + second.getShape());
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("Temperature must be positive, got " + temperature);
        }
        long n = first.getShape().get(0);
        NDManager m = first.getManager();
        NDArray z = NDArrays.concat(new NDList(first, second), 0).normalize(2, 1, 1e-12);
        NDArray logits = z.matMul(z.transpose())
                .div(temperature)
                .sub(m.eye((int) (2 * n)).mul(SELF_MASK));
        NDArray logProb = logits.logSoftmax(1);
        NDArray positives = positiveMask(m, n);
        return logProb.mul(positives).sum().neg().div(2 * n);
    }

    /** The (2N, 2N) matrix with ones where column {@code j = (i + N) mod 2N}. */
    static NDArray positiveMask(NDManager m, long n) {
        NDArray eye = m.eye((int) n);
        NDArray zeros = m.zeros(new Shape(n, n));
        NDArray top = NDArrays.concat(new NDList(zeros, eye), 1);
        NDArray bottom = NDArrays.concat(new NDList(eye, zeros), 1);
        return NDArrays.concat(new NDList(top, bottom), 0);
    }
}
