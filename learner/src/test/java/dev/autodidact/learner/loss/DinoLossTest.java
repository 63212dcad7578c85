package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.array;
import static dev.autodidact.learner.loss.Fixtures.random;
import static dev.autodidact.learner.loss.Fixtures.softmax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class DinoLossTest {
    /** Cross-entropy of centred, sharpened teacher softmax against student log-softmax over every pair s != t. */
    static double reference(float[][][] student, float[][][] teacher, float[] center, double ts, double tt) {
        double total = 0;
        int pairs = 0;
        for (int t = 0; t < teacher.length; t++) {
            for (int s = 0; s < student.length; s++) {
                if (s == t) {
                    continue;
                }
                double pair = 0;
                for (int i = 0; i < student[s].length; i++) {
                    double[] centred = new double[center.length];
                    double[] logits = new double[center.length];
                    for (int k = 0; k < center.length; k++) {
                        centred[k] = teacher[t][i][k] - center[k];
                        logits[k] = student[s][i][k];
                    }
                    double[] p = softmax(centred, tt);
                    double[] q = softmax(logits, ts);
                    for (int k = 0; k < center.length; k++) {
                        pair -= p[k] * Math.log(q[k]);
                    }
                }
                total += pair / student[s].length;
                pairs++;
            }
        }
        return total / pairs;
    }

    private static NDList list(NDManager m, float[][]... views) {
        NDList out = new NDList();
        for (float[][] v : views) {
            out.add(array(m, v));
        }
        return out;
    }

    @Test
    void shouldMatchTheReferenceOverAllGlobalTimesAllViewPairs() {
        float[][][] student = {random(4, 6, 1), random(4, 6, 2), random(4, 6, 3), random(4, 6, 4)};
        float[][][] teacher = {random(4, 6, 5), random(4, 6, 6)};
        float[] center = random(1, 6, 7)[0];
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray c = m.create(center, new Shape(1, 6));
            float loss = DinoLoss.compute(list(m, student), list(m, teacher), c, 0.1f, 0.04f)
                    .getFloat();
            assertThat((double) loss).isCloseTo(reference(student, teacher, center, 0.1, 0.04), within(1e-3));
            float warm = DinoLoss.compute(list(m, student), list(m, teacher), c, 0.1f, 0.07f)
                    .getFloat();
            assertThat((double) warm).isCloseTo(reference(student, teacher, center, 0.1, 0.07), within(1e-3));
        }
    }

    @Test
    void shouldBeSymmetricInTheGlobalViewsAndBlindToAUniformCenterShift() {
        float[][][] student = {random(3, 5, 8), random(3, 5, 9), random(3, 5, 10)};
        float[][][] teacher = {random(3, 5, 11), random(3, 5, 12)};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray zero = m.zeros(new Shape(1, 5));
            float loss = DinoLoss.compute(list(m, student), list(m, teacher), zero, 0.1f, 0.04f)
                    .getFloat();
            float swapped = DinoLoss.compute(
                            list(m, student[1], student[0], student[2]),
                            list(m, teacher[1], teacher[0]),
                            zero,
                            0.1f,
                            0.04f)
                    .getFloat();
            float shifted = DinoLoss.compute(list(m, student), list(m, teacher), zero.add(3), 0.1f, 0.04f)
                    .getFloat();
            assertThat(swapped).isCloseTo(loss, within(1e-4f));
            assertThat(shifted).isCloseTo(loss, within(1e-4f));
        }
    }

    @Test
    void shouldSendGradientsOnlyIntoTheStudent() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray s0 = array(m, random(3, 4, 1));
            NDArray s1 = array(m, random(3, 4, 2));
            NDArray t0 = array(m, random(3, 4, 3));
            NDArray t1 = array(m, random(3, 4, 4));
            for (NDArray a : new NDArray[] {s0, s1, t0, t1}) {
                a.setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(DinoLoss.compute(
                        new NDList(s0, s1), new NDList(t0, t1), m.zeros(new Shape(1, 4)), 0.1f, 0.04f));
            }
            assertThat(s0.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(t0.getGradient().abs().sum().getFloat()).isZero();
            assertThat(t1.getGradient().abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void shouldRejectTooFewViewsMismatchedShapesAndBadTemperatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.ones(new Shape(2, 3));
            NDArray c = m.zeros(new Shape(1, 3));
            assertThatThrownBy(() -> DinoLoss.compute(new NDList(a), new NDList(a), c, 0.1f, 0.04f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() ->
                            DinoLoss.compute(new NDList(a, m.ones(new Shape(2, 4))), new NDList(a), c, 0.1f, 0.04f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DinoLoss.compute(new NDList(a, a), new NDList(a, a), c, 0f, 0.04f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DinoLoss.compute(new NDList(a, a), new NDList(a, a), c, 0.1f, -1f))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
