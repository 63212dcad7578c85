package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.dot;
import static dev.autodidact.learner.loss.Fixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** wav2vec 2.0's contrastive loss against the formula written out in double. */
class Wav2Vec2LossTest {
    private static final int N = 2;
    private static final int S = 5;
    private static final int K = 3;
    private static final int F = 4;

    static double reference(float[][][] c, float[][][] q, long[][][] distractors, double tau) {
        double total = 0;
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < S; t++) {
                double[] prediction = unit(c[n][t]);
                double[] own = unit(q[n][t]);
                double positive = dot(prediction, own) / tau;
                double denominator = Math.exp(positive);
                for (long j : distractors[n][t]) {
                    double[] other = unit(q[n][(int) j]);
                    if (dot(own, other) <= 1 - 1e-6) {
                        denominator += Math.exp(dot(prediction, other) / tau);
                    }
                }
                total += Math.log(denominator) - positive;
            }
        }
        return total / (N * S);
    }

    private static float[][][] random(long seed) {
        Random r = new Random(seed);
        float[][][] out = new float[N][S][F];
        for (float[][] clip : out) {
            for (float[] step : clip) {
                for (int f = 0; f < F; f++) {
                    step[f] = (float) r.nextGaussian();
                }
            }
        }
        return out;
    }

    private static NDArray array(NDManager m, float[][][] x) {
        float[] flat = new float[N * S * F];
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < S; t++) {
                System.arraycopy(x[n][t], 0, flat, (n * S + t) * F, F);
            }
        }
        return m.create(flat, new Shape(N, S, F));
    }

    private static final long[][][] DISTRACTORS = {
        {{1, 2, 4}, {0, 0, 3}, {4, 1, 3}, {2, 0, 1}, {3, 3, 2}},
        {{4, 3, 1}, {2, 4, 0}, {1, 0, 3}, {4, 4, 4}, {0, 1, 2}}
    };

    private static NDArray distractors(NDManager m) {
        long[] flat = new long[N * S * K];
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < S; t++) {
                System.arraycopy(DISTRACTORS[n][t], 0, flat, (n * S + t) * K, K);
            }
        }
        return m.create(flat, new Shape(N, S, K));
    }

    @Test
    void shouldMatchTheReferenceOverTheMaskedStepsOfEachClip() {
        float[][][] c = random(1);
        float[][][] q = random(2);
        try (NDManager m = NDManager.newBaseManager()) {
            for (double tau : new double[] {0.1, 1.0}) {
                float loss = Wav2Vec2Loss.compute(array(m, c), array(m, q), distractors(m), (float) tau)
                        .getFloat();
                assertThat((double) loss).isCloseTo(reference(c, q, DISTRACTORS, tau), within(1e-4 / tau));
            }
        }
    }

    @Test
    void shouldLeaveOutADistractorThatIsTheSameLatentAsThePositive() {
        float[][][] c = random(3);
        float[][][] q = random(4);
        q[0][1] = q[0][0].clone();
        q[1][4] = new float[] {2 * q[1][3][0], 2 * q[1][3][1], 2 * q[1][3][2], 2 * q[1][3][3]};
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = Wav2Vec2Loss.compute(array(m, c), array(m, q), distractors(m), 0.1f)
                    .getFloat();
            assertThat((double) loss).isCloseTo(reference(c, q, DISTRACTORS, 0.1), within(1e-3));
        }
    }

    @Test
    void shouldBeLogOfOnePlusTheDistractorsWhenEveryTargetIsOrthogonalToThePrediction() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray predictions = m.create(new float[] {1, 0, 0, 0}).broadcast(new Shape(N, S, F));
            NDArray targets = m.randomNormal(new Shape(N, S, F)).mul(m.create(new float[] {0, 1, 1, 1}));
            float loss = Wav2Vec2Loss.compute(predictions, targets, distractors(m), 0.1f)
                    .getFloat();
            assertThat(loss).isCloseTo((float) Math.log(1 + K), within(1e-4f));
            assertThat(Wav2Vec2Loss.featurePenalty(m.create(new float[] {1, -2, 3, 0}))
                            .getFloat())
                    .isCloseTo(3.5f, within(1e-6f));
        }
    }

    @Test
    void shouldRefuseMismatchedShapesAndANonPositiveTemperature() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.zeros(new Shape(N, S, F));
            assertThatThrownBy(() -> Wav2Vec2Loss.compute(x, m.zeros(new Shape(N, S, F + 1)), distractors(m), 0.1f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Wav2Vec2Loss.compute(x, x, m.zeros(new Shape(N, S + 1, K)), 0.1f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Wav2Vec2Loss.compute(x, x, distractors(m), 0f))
                    .hasMessageContaining("Temperature");
        }
    }
}
