package dev.autodidact.learner.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timings at the size the learner evaluates: 10,000 train and 2,000 test rows of 128-d, 10 classes. Skipped unless run
 * with {@code -Dautodidact.benchmark=true}; prints the figures quoted in the Javadoc of the classes it times.
 */
@EnabledIfSystemProperty(named = "autodidact.benchmark", matches = "true")
class EvalTimingBenchmarkTest {
    private static final int DIM = 128;
    private static final int CLASSES = 10;

    @Test
    void shouldEvaluateTenThousandByOneHundredTwentyEightInSeconds() {
        Random random = new Random(0);
        float[][] centres = KnnClassifierTest.gaussian(random, CLASSES, DIM);
        FeatureSet train = sample(random, centres, 10_000);
        FeatureSet test = sample(random, centres, 2_000);

        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            double knn = new KnnClassifier().top1(train, test);
            long t1 = System.nanoTime();
            System.out.printf("knn k=20 T=0.07: top1 %.4f in %.3f s%n", knn, (t1 - t0) / 1e9);
        }
        for (int run = 0; run < 2; run++) {
            long t0 = System.nanoTime();
            LinearProbeModel model = LinearProbe.defaults().fit(train);
            double top1 = model.top1(test);
            long t1 = System.nanoTime();
            System.out.printf(
                    "linear probe defaults: top1 %.4f, train loss %.4f in %.3f s%n",
                    top1, model.trainingLoss(), (t1 - t0) / 1e9);
        }
        for (int[] shape : new int[][] {{1_000, 128}, {4_096, 128}, {4_096, 512}}) {
            float[][] x = KnnClassifierTest.gaussian(random, shape[0], shape[1]);
            long t0 = System.nanoTime();
            double rank = RepresentationStats.rankMe(x);
            long t1 = System.nanoTime();
            double uniformity = RepresentationStats.uniformity(x);
            long t2 = System.nanoTime();
            System.out.printf(
                    "%d x %d: rankMe %.2f in %.3f s, uniformity %.4f in %.3f s%n",
                    shape[0], shape[1], rank, (t1 - t0) / 1e9, uniformity, (t2 - t1) / 1e9);
        }
        assertThat(new KnnClassifier().top1(train, test)).isGreaterThan(0.5);
    }

    /** Rows {@code centre_y + 3 * N(0, I)}: the classes overlap, so neither evaluator is at 100%. */
    private static FeatureSet sample(Random random, float[][] centres, int n) {
        float[][] x = new float[n][DIM];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(CLASSES);
            for (int j = 0; j < DIM; j++) {
                x[i][j] = (float) (centres[y[i]][j] + 3 * random.nextGaussian());
            }
        }
        return FeatureSet.of(x, y, CLASSES);
    }
}
