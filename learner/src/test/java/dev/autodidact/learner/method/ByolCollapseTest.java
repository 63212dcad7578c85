package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.internal.Guards;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.example.Tensor;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BYOL's documented ablation ({@code byol.ablation.no.predictor.no.ema}: no predictor, the online network under
 * stop-gradient as its own target) collapses, and the collapse shows in the learner's representation-health signal
 * {@link HealthMonitor#PROJECTION_STD} (the std of L2-normalised head outputs, SimSiam's figure 2 measure, computed
 * by the same code the health monitor runs at every checkpoint): it falls towards 0 and below the collapse guard's
 * threshold {@code 0.1 / sqrt(d)}, while BYOL with its predictor and EMA target keeps it near {@code 1 / sqrt(d)}.
 * Tiny encoder, d = 16, batch 32 of noise images whose two views share half their pixels, 200 steps; the spread is
 * measured on 64 held-out images after 50 steps (once batch norm's running statistics have adapted) and at the end.
 * The collapse guard sees it through the same health code: after 60 steps the ablation's projections have collapsed
 * while its encoder features still look spread out, and only the projection threshold holds its checkpoint back.
 */
class ByolCollapseTest {
    private static final int STEPS = 200;
    private static final int EARLY = 50;
    private static final int GUARD_STEPS = 60;
    private static final double COLLAPSE_THRESHOLD = 0.1 / Math.sqrt(16);

    @Test
    void shouldCollapseWithoutPredictorAndEmaAndShowItInTheProjectionStd() {
        double[] ablation = stdEarlyAndAtEnd(true);
        double[] byol = stdEarlyAndAtEnd(false);
        assertThat(ablation[1])
                .as("ablation after %d steps", STEPS)
                .isLessThan(COLLAPSE_THRESHOLD)
                .isLessThan(ablation[0] * 0.6);
        assertThat(byol[0]).as("BYOL after %d steps", EARLY).isGreaterThan(0.1);
        assertThat(byol[1]).as("BYOL after %d steps", STEPS).isGreaterThan(0.1);
    }

    @Test
    void shouldHoldBackTheAblationsCheckpointOnItsProjectionStdButNotByols() {
        Guards guards = new Guards(
                new LearnerConfig(Map.of(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")),
                new SimpleMeterRegistry(),
                Tags.empty(),
                null);
        int d = SPEC.featureDim();
        try (NDManager root = NDManager.newBaseManager()) {
            ByolMethod ablation = trained(root, true, GUARD_STEPS);
            Map<String, Double> collapsed =
                    HealthMonitor.sampleHealth(root, ablation.encoder(), ablation.head(), SPEC, heldOut(32));
            assertThat(collapsed.get(HealthMonitor.STD))
                    .as("encoder features still spread")
                    .isGreaterThan(COLLAPSE_THRESHOLD);
            assertThat(guards.holdBack(collapsed, d, HealthMonitor.outputDim(ablation.head(), d), true))
                    .as("ablation, health %s", collapsed)
                    .isTrue();

            ByolMethod byol = trained(root, false, GUARD_STEPS);
            Map<String, Double> healthy =
                    HealthMonitor.sampleHealth(root, byol.encoder(), byol.head(), SPEC, heldOut(32));
            assertThat(guards.holdBack(healthy, d, HealthMonitor.outputDim(byol.head(), d), true))
                    .as("BYOL, health %s", healthy)
                    .isFalse();
        }
    }

    /** BYOL (or its ablation) after {@code steps} steps on batches of 32. */
    private static ByolMethod trained(NDManager root, boolean ablation, int steps) {
        Engine.getInstance().setRandomSeed(5);
        ByolMethod method =
                new ByolMethod(root, SPEC, new ByolMethod.Settings(32, 16, MomentumSchedule.constant(0.99), ablation));
        TrainStep step = new TrainStep(
                root,
                method,
                new AdamW(root, 0f),
                LearningRateSchedule.constantAfterWarmup(1e-2f, 0),
                new Collator(SPEC));
        for (int s = 0; s < steps; s++) {
            step.run(s, batch(32, 0, 100 + s, 2));
        }
        return method;
    }

    private static List<Tensor> heldOut(int n) {
        return batch(n, 0, 999).examples().stream().map(e -> e.array("view.0")).toList();
    }

    /** @return the projection std of held-out images after {@link #EARLY} steps and after {@link #STEPS} */
    private static double[] stdEarlyAndAtEnd(boolean ablation) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            ByolMethod method = new ByolMethod(
                    root, SPEC, new ByolMethod.Settings(32, 16, MomentumSchedule.constant(0.99), ablation));
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(1e-2f, 0),
                    new Collator(SPEC));
            List<Tensor> heldOut = batch(64, 0, 999).examples().stream()
                    .map(e -> e.array("view.0"))
                    .toList();
            double early = Double.NaN;
            for (int s = 0; s < STEPS; s++) {
                if (s == EARLY) {
                    early = HealthMonitor.projectionStd(root, method.encoder(), method.head(), SPEC, heldOut);
                }
                step.run(s, batch(32, 0, 100 + s, 2));
            }
            return new double[] {
                early, HealthMonitor.projectionStd(root, method.encoder(), method.head(), SPEC, heldOut)
            };
        }
    }
}
