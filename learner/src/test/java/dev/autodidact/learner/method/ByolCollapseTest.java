package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.eval.RepresentationStats;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.TrainStep;
import org.junit.jupiter.api.Test;

/**
 * BYOL's documented ablation ({@code byol.ablation.no.predictor.no.ema}: no predictor, the online network under
 * stop-gradient as its own target) collapses, and the collapse shows in the representation-health signal: the std of
 * L2-normalised projections (SimSiam's figure 2 measure, {@link RepresentationStats#stdOfNormalized}) falls from
 * about 0.17 towards 0, while BYOL with its predictor and EMA target keeps it near its initial value. Tiny encoder,
 * d = 16, batch 32 of noise images whose two views share half their pixels, 50 steps.
 */
class ByolCollapseTest {
    private static final int STEPS = 50;

    @Test
    void shouldCollapseWithoutPredictorAndEmaAndShowItInTheStdOfNormalizedEmbeddings() {
        double[] ablation = stdBeforeAndAfterTraining(true);
        double[] byol = stdBeforeAndAfterTraining(false);
        assertThat(ablation[0]).as("spread at initialisation").isGreaterThan(0.1);
        assertThat(ablation[1]).as("ablation after %d steps", STEPS).isLessThan(0.02);
        assertThat(byol[1]).as("BYOL after %d steps", STEPS).isGreaterThan(0.1);
    }

    /** @return std of the normalised projections of a held-out batch before and after training */
    private static double[] stdBeforeAndAfterTraining(boolean ablation) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            ByolMethod method = new ByolMethod(root, SPEC,
                    new ByolMethod.Settings(32, 16, MomentumSchedule.constant(0.99), ablation));
            TrainStep step = new TrainStep(root, method, new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(1e-2f, 0), SPEC);
            double before = std(root, method);
            for (int s = 0; s < STEPS; s++) {
                step.run(s, batch(32, 0, 100 + s, 2));
            }
            return new double[] {before, std(root, method)};
        }
    }

    private static double std(NDManager root, ByolMethod method) {
        try (NDManager scope = root.newSubManager()) {
            NDArray images = batch(64, 0, 999).toViews(scope, SPEC, 1).singletonOrThrow();
            NDArray z = method.projections(new ParameterStore(scope, false), images);
            int n = (int) z.getShape().get(0);
            int d = (int) z.getShape().get(1);
            float[] flat = z.toFloatArray();
            float[][] rows = new float[n][d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * d, rows[i], 0, d);
            }
            return RepresentationStats.stdOfNormalized(rows);
        }
    }
}
