package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.array;
import static dev.autodidact.learner.loss.Fixtures.random;
import static dev.autodidact.learner.loss.Fixtures.softmax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTest {
    /** Independent reference: log-sum-exp written out in doubles, the smoothed target spelled as a distribution. */
    static double reference(float[][] logits, int[] labels, double smoothing) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            int k = logits[i].length;
            double max = Double.NEGATIVE_INFINITY;
            for (float x : logits[i]) {
                max = Math.max(max, x);
            }
            double sum = 0;
            for (float x : logits[i]) {
                sum += Math.exp(x - max);
            }
            double logZ = max + Math.log(sum);
            for (int c = 0; c < k; c++) {
                double target = (c == labels[i] ? 1 - smoothing : 0) + smoothing / k;
                total -= target * (logits[i][c] - logZ);
            }
        }
        return total / logits.length;
    }

    @Test
    void shouldMatchAHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {1, 2, 3, 0, 0, 0}, new Shape(2, 3));
            NDArray labels = m.create(new int[] {2, 1});
            // -log softmax([1,2,3])[2] = log(1 + e^-1 + e^-2) = 0.4076059644; -log(1/3) = 1.0986122887
            assertThat((double) CrossEntropyLoss.compute(logits, labels).getFloat())
                    .isCloseTo((0.4076059644 + 1.0986122887) / 2, within(1e-6));
        }
    }

    @Test
    void shouldMatchTheReferenceWithAndWithoutLabelSmoothing() {
        float[][] logits = random(7, 5, 3);
        int[] labels = {0, 4, 2, 2, 1, 3, 0};
        try (NDManager m = NDManager.newBaseManager()) {
            for (double e : new double[] {0, 0.1, 0.5}) {
                float loss = CrossEntropyLoss.compute(array(m, logits), m.create(labels), (float) e)
                        .getFloat();
                assertThat((double) loss).as("smoothing %s", e).isCloseTo(reference(logits, labels, e), within(1e-5));
            }
        }
    }

    @Test
    void shouldStayFiniteForHugeLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {1000, 0, -1000, 0}, new Shape(2, 2));
            NDArray labels = m.create(new long[] {1, 0});
            // row 0: -log softmax = 1000 (+ log(1 + e^-1000)); row 1: 1000
            assertThat(CrossEntropyLoss.compute(logits, labels).getFloat()).isCloseTo(1000f, within(1e-3f));
            assertThat(CrossEntropyLoss.compute(logits, labels, 0.1f).getFloat())
                    .isFinite();
        }
    }

    @Test
    void shouldGiveTheSoftmaxMinusOneHotGradient() {
        float[][] rows = random(3, 4, 9);
        int[] labels = {3, 0, 1};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = array(m, rows);
            logits.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(CrossEntropyLoss.compute(logits, m.create(labels)));
            }
            float[] grad = logits.getGradient().toFloatArray();
            for (int i = 0; i < 3; i++) {
                double[] row = new double[4];
                for (int c = 0; c < 4; c++) {
                    row[c] = rows[i][c];
                }
                double[] p = softmax(row, 1);
                for (int c = 0; c < 4; c++) {
                    double expected = (p[c] - (c == labels[i] ? 1 : 0)) / 3;
                    assertThat((double) grad[i * 4 + c]).isCloseTo(expected, within(1e-6));
                }
            }
        }
    }

    @Test
    void shouldRejectBadShapesLabelsOutOfRangeAndBadSmoothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.ones(new Shape(2, 3));
            assertThatThrownBy(() -> CrossEntropyLoss.compute(logits, m.create(new int[] {0, 1, 2})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(N) labels");
            assertThatThrownBy(() -> CrossEntropyLoss.compute(logits, m.create(new int[] {0, 3})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[0, 3)");
            assertThatThrownBy(() -> CrossEntropyLoss.compute(logits, m.create(new int[] {-1, 0})))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CrossEntropyLoss.compute(logits, m.create(new float[] {0, 1})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("integers");
            assertThatThrownBy(() -> CrossEntropyLoss.compute(logits, m.create(new int[] {0, 1}), 1f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("smoothing");
        }
    }
}
