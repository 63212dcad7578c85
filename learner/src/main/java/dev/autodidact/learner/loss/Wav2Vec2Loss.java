package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The contrastive loss of wav2vec 2.0 (Baevski et al., "wav2vec 2.0: A Framework for Self-Supervised Learning of
 * Speech Representations", NeurIPS 2020, eq. 3): at each of the S masked steps of a clip, the context's prediction
 * {@code c_t} must pick the target of that step, {@code q_t}, among K distractors, targets of other masked steps of
 * the same clip: {@code L_m = -mean_(n,t) log( exp(sim(c_t, q_t) / tau) / sum_(q in {q_t} + Q_t) exp(sim(c_t, q) /
 * tau) )} with the cosine similarity {@code sim} and temperature {@code tau} (0.1 in the paper). A distractor whose
 * target points the same way as the step's own (cosine above 1 - 1e-6: the same latent, e.g. twice the silence of a
 * padded clip) is left out, as the reference code drops negatives equal to the positive. Gradients reach predictions
 * and targets. At initialisation the loss is about {@code log(1 + K)}. The diversity loss of the quantizer is absent
 * with continuous targets; {@link #featurePenalty} is the paper's L2 penalty on the feature encoder's output.
 */
public final class Wav2Vec2Loss {
    private static final double EPSILON = 1e-8;
    private static final float SAME_TARGET = 1 - 1e-6f;
    private static final float EXCLUDED = -1e9f;

    private Wav2Vec2Loss() {}

    /**
     * @param predictions the context's predictions at the masked steps, (N, S, F)
     * @param targets the targets of the same steps, (N, S, F)
     * @param distractors for each masked step, K indices of other masked steps of its clip, int (N, S, K)
     * @param temperature tau, greater than 0
     * @return the scalar mean loss over the masked steps
     */
    public static NDArray compute(NDArray predictions, NDArray targets, NDArray distractors, float temperature) {
        Shape p = predictions.getShape();
        Shape d = distractors.getShape();
        if (p.dimension() != 3
                || !p.equals(targets.getShape())
                || d.dimension() != 3
                || d.get(0) != p.get(0)
                || d.get(1) != p.get(1)
                || d.get(2) < 1) {
            throw new IllegalArgumentException("wav2vec 2.0 needs predictions and targets (N, S, F) of one shape and"
                    + " distractors (N, S, K), got " + p + ", " + targets.getShape() + " and " + d);
        }
        Losses.checkPositive("Temperature", temperature);
        long n = p.get(0);
        long steps = p.get(1);
        NDArray c = predictions.normalize(2, 2, EPSILON);
        NDArray q = targets.normalize(2, 2, EPSILON);
        NDArray similarity = c.batchMatMul(q.transpose(0, 2, 1));
        NDArray index = distractors.toType(DataType.INT64, false);
        NDArray own = predictions
                .getManager()
                .arange(0, (int) steps, 1, DataType.INT64)
                .reshape(1, steps, 1)
                .broadcast(new Shape(n, steps, 1));
        NDArray positive = similarity.gather(own, 2);
        NDArray negative = similarity.gather(index, 2);
        NDArray sameTarget = q.batchMatMul(q.transpose(0, 2, 1))
                .stopGradient()
                .gather(index, 2)
                .gt(SAME_TARGET)
                .toType(DataType.FLOAT32, false)
                .mul(EXCLUDED);
        NDArray logits = NDArrays.concat(new NDList(positive, negative), 2)
                .div(temperature)
                .add(NDArrays.concat(new NDList(positive.zerosLike(), sameTarget), 2));
        return logits.logSoftmax(2).get(":, :, 0").mean().neg();
    }

    /** The mean squared activation of the feature encoder's output, {@code mean(z^2)}. */
    public static NDArray featurePenalty(NDArray latents) {
        return latents.square().mean();
    }
}
