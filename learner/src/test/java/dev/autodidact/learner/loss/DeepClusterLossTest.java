package dev.autodidact.learner.loss;

import static dev.autodidact.learner.loss.Fixtures.array;
import static dev.autodidact.learner.loss.Fixtures.dot;
import static dev.autodidact.learner.loss.Fixtures.random;
import static dev.autodidact.learner.loss.Fixtures.softmax;
import static dev.autodidact.learner.loss.Fixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class DeepClusterLossTest {
    /** The swapped, label-balanced cross-entropy written out in doubles, label by label. */
    static double reference(float[][] z0, float[][] z1, float[][] centroids, double tau) {
        double[][] c = new double[centroids.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = unit(centroids[k]);
        }
        return (oneSide(z0, z1, c, tau) + oneSide(z1, z0, c, tau)) / 2;
    }

    /** Loss of the predictions of {@code predicted} against the assignments of {@code other}. */
    private static double oneSide(float[][] predicted, float[][] other, double[][] c, double tau) {
        int n = predicted.length;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = argmax(similarities(unit(other[i]), c));
        }
        double sumOfLabelMeans = 0;
        int present = 0;
        for (int k = 0; k < c.length; k++) {
            double total = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == k) {
                    total += -Math.log(softmax(similarities(unit(predicted[i]), c), tau)[k]);
                    count++;
                }
            }
            if (count > 0) {
                sumOfLabelMeans += total / count;
                present++;
            }
        }
        return sumOfLabelMeans / present;
    }

    private static double[] similarities(double[] z, double[][] c) {
        double[] s = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            s[k] = dot(z, c[k]);
        }
        return s;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
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
    void shouldMatchTheReferenceOfTheSwappedBalancedCrossEntropy() {
        float[][] z0 = random(12, 5, 1);
        float[][] z1 = random(12, 5, 2);
        float[][] centroids = unitRows(random(4, 5, 3));
        try (NDManager m = NDManager.newBaseManager()) {
            for (double tau : new double[] {0.1, 0.5, 1.0}) {
                float loss = DeepClusterLoss.compute(array(m, z0), array(m, z1), array(m, centroids), (float) tau)
                        .getFloat();
                assertThat((double) loss).isCloseTo(reference(z0, z1, centroids, tau), within(1e-4));
            }
        }
    }

    @Test
    void shouldBeSymmetricInTheTwoViews() {
        float[][] z0 = random(10, 6, 4);
        float[][] z1 = random(10, 6, 5);
        float[][] centroids = unitRows(random(7, 6, 6));
        try (NDManager m = NDManager.newBaseManager()) {
            float ab = DeepClusterLoss.compute(array(m, z0), array(m, z1), array(m, centroids), 0.1f)
                    .getFloat();
            float ba = DeepClusterLoss.compute(array(m, z1), array(m, z0), array(m, centroids), 0.1f)
                    .getFloat();
            assertThat(ab).isCloseTo(ba, within(1e-5f));
        }
    }

    @Test
    void shouldGiveEveryPseudoLabelOfTheBatchTheSameWeight() {
        // Three samples labelled 0 with cross-entropy a each, one labelled 1 with cross-entropy b: the balanced loss
        // is (a + b) / 2, where the plain mean would be (3a + b) / 4.
        float[][] logits = {{2, 0}, {2, 0}, {2, 0}, {0, 1}};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray labels = m.create(new long[] {0, 0, 0, 1});
            float loss = DeepClusterLoss.balancedCrossEntropy(array(m, logits), labels)
                    .getFloat();
            double a = -Math.log(softmax(new double[] {2, 0}, 1)[0]);
            double b = -Math.log(softmax(new double[] {0, 1}, 1)[1]);
            assertThat((double) loss).isCloseTo((a + b) / 2, within(1e-5));
        }
    }

    @Test
    void shouldTakePseudoLabelsFromTheOtherViewAndBeLowWhenBothAgree() {
        float[][] centroids = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        float[][] agree = {{1, 0.1f, 0}, {0, 1, 0.1f}, {0.1f, 0, 1}};
        float[][] shifted = {{0, 1, 0.1f}, {0.1f, 0, 1}, {1, 0.1f, 0}};
        try (NDManager m = NDManager.newBaseManager()) {
            float same = DeepClusterLoss.compute(array(m, agree), array(m, agree), array(m, centroids), 0.1f)
                    .getFloat();
            float swapped = DeepClusterLoss.compute(array(m, agree), array(m, shifted), array(m, centroids), 0.1f)
                    .getFloat();
            assertThat(same).isLessThan(0.01f);
            assertThat(swapped).isGreaterThan(5f);
        }
    }

    @Test
    void shouldSendGradientsIntoBothViewsButNotTheCentroids() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z0 = array(m, random(6, 4, 7));
            NDArray z1 = array(m, random(6, 4, 8));
            NDArray centroids = array(m, unitRows(random(3, 4, 9)));
            z0.setRequiresGradient(true);
            z1.setRequiresGradient(true);
            centroids.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(DeepClusterLoss.compute(z0, z1, centroids, 0.1f));
            }
            assertThat(z0.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(z1.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(centroids.getGradient().abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void shouldRejectBadShapesAndTemperature() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.ones(new Shape(3, 4));
            NDArray c = m.ones(new Shape(5, 4));
            assertThatThrownBy(() -> DeepClusterLoss.compute(z, m.ones(new Shape(2, 4)), c, 0.1f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DeepClusterLoss.compute(z, z, m.ones(new Shape(5, 3)), 0.1f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("centroids");
            assertThatThrownBy(() -> DeepClusterLoss.compute(z, z, c, 0f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Temperature");
        }
    }
}
