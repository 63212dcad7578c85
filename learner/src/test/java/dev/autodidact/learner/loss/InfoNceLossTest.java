package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.array;
import static dev.autodidact.learner.loss.Fixtures.dot;
import static dev.autodidact.learner.loss.Fixtures.random;
import static dev.autodidact.learner.loss.Fixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoNceLossTest {
    /** MoCo's (K+1)-way cross-entropy written out; the queue rows are used as given. */
    static double reference(float[][] query, float[][] key, float[][] queue, double tau) {
        double total = 0;
        for (int i = 0; i < query.length; i++) {
            double[] q = unit(query[i]);
            double positive = Math.exp(dot(q, unit(key[i])) / tau);
            double denominator = positive;
            for (float[] negative : queue) {
                double[] k = new double[negative.length];
                for (int j = 0; j < k.length; j++) {
                    k[j] = negative[j];
                }
                denominator += Math.exp(dot(q, k) / tau);
            }
            total += -Math.log(positive / denominator);
        }
        return total / query.length;
    }

    private static float[][] unitRows(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] u = unit(rows[i]);
            out[i] = new float[u.length];
            for (int j = 0; j < u.length; j++) {
                out[i][j] = (float) u[j];
            }
        }
        return out;
    }

    @Test
    void shouldMatchTheReferenceWithAQueueOfNegatives() {
        float[][] q = random(5, 4, 1);
        float[][] k = random(5, 4, 2);
        float[][] queue = unitRows(random(9, 4, 3));
        try (NDManager m = NDManager.newBaseManager()) {
            for (double tau : new double[] {0.07, 0.2, 1.0}) {
                float loss = InfoNceLoss.compute(array(m, q), array(m, k), array(m, queue), (float) tau)
                        .getFloat();
                assertThat((double) loss).isCloseTo(reference(q, k, queue, tau), within(1e-4));
            }
        }
    }

    /**
     * A queue row drawn from the query's own source is left out: the loss equals the reference over the queue without
     * that row, for each query its own exclusions.
     */
    @Test
    void shouldLeaveQueueRowsOfTheQuerysOwnSourceOutOfItsNegatives() {
        float[][] q = random(2, 4, 1);
        float[][] k = random(2, 4, 2);
        float[][] queue = unitRows(random(5, 4, 3));
        boolean[][] excluded = {{false, true, false, false, false}, {false, false, false, true, true}};
        double expected = 0;
        for (int i = 0; i < q.length; i++) {
            List<float[]> kept = new ArrayList<>();
            for (int j = 0; j < queue.length; j++) {
                if (!excluded[i][j]) {
                    kept.add(queue[j]);
                }
            }
            expected +=
                    reference(new float[][] {q[i]}, new float[][] {k[i]}, kept.toArray(float[][]::new), 0.2) / q.length;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            boolean[] flat = new boolean[10];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 5; j++) {
                    flat[i * 5 + j] = excluded[i][j];
                }
            }
            NDArray mask = m.create(flat, new Shape(2, 5));
            float loss = InfoNceLoss.compute(array(m, q), array(m, k), array(m, queue), 0.2f, mask)
                    .getFloat();
            assertThat((double) loss).isCloseTo(expected, within(1e-4));
            float unmasked = InfoNceLoss.compute(array(m, q), array(m, k), array(m, queue), 0.2f)
                    .getFloat();
            assertThat((double) unmasked).isNotCloseTo(expected, within(1e-3));
            assertThatThrownBy(() -> InfoNceLoss.compute(
                            array(m, q), array(m, k), array(m, queue), 0.2f, m.create(new boolean[5], new Shape(1, 5))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exclusions");
        }
    }

    @Test
    void shouldBeLowWhenTheKeyMatchesAndTheQueueIsOrthogonal() {
        float[][] eye = {{1, 0, 0, 0}, {0, 1, 0, 0}};
        float[][] queue = {{0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, -1, 0}};
        try (NDManager m = NDManager.newBaseManager()) {
            float matched = InfoNceLoss.compute(array(m, eye), array(m, eye).mul(5), array(m, queue), 0.1f)
                    .getFloat();
            float wrong = InfoNceLoss.compute(array(m, eye), array(m, eye).neg(), array(m, queue), 0.1f)
                    .getFloat();
            assertThat(matched).isLessThan(1e-3f);
            assertThat(wrong).isCloseTo(10f + (float) Math.log(3), within(1e-3f));
        }
    }

    @Test
    void shouldSendGradientsOnlyIntoTheQuery() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = array(m, random(3, 4, 4));
            NDArray k = array(m, random(3, 4, 5));
            NDArray queue = array(m, unitRows(random(6, 4, 6)));
            q.setRequiresGradient(true);
            k.setRequiresGradient(true);
            queue.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(InfoNceLoss.compute(q, k, queue, 0.2f));
            }
            assertThat(q.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(k.getGradient().abs().sum().getFloat()).isZero();
            assertThat(queue.getGradient().abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void shouldRejectBadShapesAndTemperature() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = m.ones(new Shape(3, 4));
            assertThatThrownBy(() -> InfoNceLoss.compute(q, m.ones(new Shape(2, 4)), m.ones(new Shape(5, 4)), 0.2f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> InfoNceLoss.compute(q, q, m.ones(new Shape(5, 3)), 0.2f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> InfoNceLoss.compute(q, q, m.ones(new Shape(5, 4)), 0f))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
