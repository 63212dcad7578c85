package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Softmax cross-entropy of class logits against integer labels: the loss of the predictive pretext tasks, RotNet
 * (Gidaris, Singh and Komodakis, "Unsupervised Representation Learning by Predicting Image Rotations", ICLR 2018,
 * eq. 1-2: the negative log-probability of the applied rotation) and jigsaw (Noroozi and Favaro, "Unsupervised Learning
 * of Visual Representations by Solving Jigsaw Puzzles", ECCV 2016: of the permutation's index), with optional label
 * smoothing (Szegedy et al., "Rethinking the Inception Architecture", CVPR 2016, sec. 7).
 *
 * <p>For logits {@code x} (N, K), labels {@code y_i} in {@code [0, K)} and smoothing {@code e}:
 *
 * <pre>
 *   log p_i = x_i - logsumexp(x_i)
 *   loss    = 1/N sum_i -[ (1 - e) log p_i[y_i] + e/K sum_k log p_i[k] ]
 * </pre>
 *
 * The log-probabilities come from the engine's log-softmax, which subtracts the row maximum before exponentiating, so
 * logits in the thousands give a finite loss; the label's term is picked with a gather, not a one-hot product.
 */
public final class CrossEntropyLoss {
    private CrossEntropyLoss() {}

    /** The loss without label smoothing. */
    public static NDArray compute(NDArray logits, NDArray labels) {
        return compute(logits, labels, 0f);
    }

    /**
     * @param logits class scores, shape (N, K)
     * @param labels class indices, shape (N), any integer type, each in {@code [0, K)}
     * @param smoothing label smoothing {@code e} in {@code [0, 1)}; 0 for the plain cross-entropy
     * @return the scalar mean loss, on the logits' manager
     * @throws IllegalArgumentException for mismatched shapes, a label out of range or a smoothing outside [0, 1)
     */
    public static NDArray compute(NDArray logits, NDArray labels, float smoothing) {
        long[] shape = logits.getShape().getShape();
        if (shape.length != 2
                || labels.getShape().dimension() != 1
                || labels.getShape().get(0) != shape[0]) {
            throw new IllegalArgumentException("Cross-entropy needs (N, K) logits and (N) labels, got "
                    + logits.getShape() + " and " + labels.getShape());
        }
        if (!labels.getDataType().isInteger()) {
            throw new IllegalArgumentException("Labels must be integers, got " + labels.getDataType());
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("Label smoothing must be in [0, 1), got " + smoothing);
        }
        long classes = shape[1];
        NDArray index = labels.toType(DataType.INT64, false);
        long min = index.min().getLong();
        long max = index.max().getLong();
        if (min < 0 || max >= classes) {
            throw new IllegalArgumentException(
                    "Labels must be in [0, " + classes + "), got values from " + min + " to " + max);
        }
        NDArray logProb = logits.logSoftmax(1);
        NDArray picked = logProb.gather(index.reshape(shape[0], 1), 1).squeeze(1);
        NDArray perExample = smoothing == 0
                ? picked
                : picked.mul(1 - smoothing).add(logProb.mean(new int[] {1}).mul(smoothing));
        return perExample.mean().neg();
    }
}
