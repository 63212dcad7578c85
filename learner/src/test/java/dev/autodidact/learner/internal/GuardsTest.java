package dev.autodidact.learner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.method.SimClrMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.Lineage;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.learner.train.TrainStepTest;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.checkpoint.Checkpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardsTest {
    private static LearnerConfig config(int maxNonFinite, int maxRollbacks) {
        return new LearnerConfig(Map.of(
                LearnerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:1",
                LearnerConfig.MAX_NONFINITE_STEPS_CONFIG,
                maxNonFinite,
                LearnerConfig.MAX_ROLLBACKS_CONFIG,
                maxRollbacks,
                ImageKit.IMAGE_SIZE_CONFIG,
                16,
                ImageKit.ENCODER_WIDTHS_CONFIG,
                "8,16"));
    }

    private static StepResult nan(long step) {
        return new StepResult(step, Float.NaN, false, 8, 1e-3f, 1);
    }

    /** A SimCLR method with its optimizer, lineage, checkpointable state and training step. */
    private record Rig(SimClrMethod method, Lineage state, ModelState model, TrainStep step) {
        static Rig of(NDManager root, LearnerConfig config) {
            SimClrMethod method = new SimClrMethod(root, config.encoder(), 16, 8, 0.5f);
            AdamW adam = new AdamW(root, 0f);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    adam,
                    LearningRateSchedule.constantAfterWarmup(1e-2f, 0),
                    new Collator(config.encoder()));
            return new Rig(method, new Lineage(), new ModelState(method, adam, Modality.IMAGE, 4096), step);
        }
    }

    private static StepResult applied(long step) {
        return new StepResult(step, 1f, true, 8, 1e-3f, 1);
    }

    @Test
    void shouldRollRepeatedNonFiniteStepsBackToTheLastCheckpointWeights() {
        LearnerConfig config = config(3, 1);
        MeterRegistry registry = new SimpleMeterRegistry();
        try (NDManager root = NDManager.newBaseManager()) {
            Rig rig = Rig.of(root, config);
            SimClrMethod method = rig.method();
            Lineage state = rig.state();
            ModelState model = rig.model();
            TrainStep step = rig.step();
            for (int i = 0; i < 3; i++) {
                state.advance(step.run(i, TrainStepTest.batch(8, i)), TrainStepTest.batch(8, i));
            }
            Checkpoint good = model.snapshot(state, Map.of());
            Guards guards = new Guards(config, registry, Tags.empty(), null);
            guards.published(good);
            float[] goodWeights =
                    method.trainableParameters().get(0).getValue().getArray().toFloatArray();
            for (int i = 3; i < 6; i++) {
                state.advance(step.run(i, TrainStepTest.batch(8, i)), TrainStepTest.batch(8, i));
            }
            assertThat(method.trainableParameters().get(0).getValue().getArray().toFloatArray())
                    .isNotEqualTo(goodWeights);

            assertThat(guards.afterStep(nan(6))).isFalse();
            assertThat(guards.afterStep(nan(7))).isFalse();
            assertThat(guards.afterStep(nan(8)))
                    .as("third non-finite step in a row")
                    .isTrue();
            model.load(guards.lastGood());
            assertThat(method.trainableParameters().get(0).getValue().getArray().toFloatArray())
                    .containsExactly(goodWeights);
            assertThat(registry.get("autodidact.learner.rollbacks").counter().count())
                    .isEqualTo(1);
            assertThat(state.step()).as("step and offsets keep advancing").isEqualTo(6);

            guards.afterStep(nan(9));
            guards.afterStep(nan(10));
            assertThatThrownBy(() -> guards.afterStep(nan(11)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keeps diverging");
        }
    }

    @Test
    void shouldFailDivergenceBeforeAnyCheckpoint() {
        Guards guards = new Guards(config(1, 3), new SimpleMeterRegistry(), Tags.empty(), null);
        assertThatThrownBy(() -> guards.afterStep(nan(0))).hasMessageContaining("no checkpoint");
    }

    @Test
    void shouldHoldBackCollapsedCheckpointsUnlessOverridden() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Guards guards = new Guards(config(3, 3), registry, Tags.empty(), null);
        double threshold = 0.1 / Math.sqrt(16);
        assertThat(guards.holdBack(Map.of(HealthMonitor.STD, threshold / 2), 16, 0, true))
                .isTrue();
        assertThat(registry.get("autodidact.health.collapsed").gauge().value()).isEqualTo(1);
        assertThat(guards.holdBack(Map.of(HealthMonitor.STD, threshold / 2), 16, 0, false))
                .isFalse();
        assertThat(guards.holdBack(Map.of(HealthMonitor.STD, threshold * 2), 16, 0, true))
                .isFalse();
        assertThat(registry.get("autodidact.health.collapsed").gauge().value()).isZero();
        assertThat(guards.holdBack(Map.of(), 16, 0, true))
                .as("no sample yet: nothing to judge")
                .isFalse();
        assertThat(registry.get("autodidact.checkpoint.held.back").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldHoldBackNonFiniteHealthEvenWhenTheCollapseGuardIsOverridden() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Guards guards = new Guards(config(3, 3), registry, Tags.empty(), null);

        assertThat(guards.holdBack(Map.of(HealthMonitor.STD, Double.NaN), 16, 16, true))
                .as("NaN std")
                .isTrue();
        assertThat(registry.get("autodidact.health.collapsed").gauge().value()).isEqualTo(1);
        assertThat(guards.holdBack(
                        Map.of(HealthMonitor.STD, 0.2, HealthMonitor.PROJECTION_STD, Double.NaN), 16, 16, false))
                .as("NaN projection std, guard overridden")
                .isTrue();
        assertThat(guards.holdBack(
                        Map.of(HealthMonitor.STD, 0.2, HealthMonitor.RANKME, Double.POSITIVE_INFINITY), 16, 16, true))
                .as("infinite rank")
                .isTrue();
        assertThat(registry.get("autodidact.checkpoint.held.back").counter().count())
                .isEqualTo(3);
        assertThat(guards.afterStep(applied(0)))
                .as("nothing to roll back to: keep training, keep holding")
                .isFalse();

        assertThat(guards.holdBack(Map.of(HealthMonitor.STD, 0.2, HealthMonitor.PROJECTION_STD, 0.2), 16, 16, true))
                .isFalse();
        assertThat(registry.get("autodidact.health.collapsed").gauge().value()).isZero();
    }

    @Test
    void shouldHoldBackWhenTheProjectionsCollapseThoughTheFeaturesDoNot() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Guards guards = new Guards(config(3, 3), registry, Tags.empty(), null);
        double projectionThreshold = 0.1 / Math.sqrt(64);

        assertThat(guards.holdBack(
                        Map.of(HealthMonitor.STD, 0.2, HealthMonitor.PROJECTION_STD, projectionThreshold / 2),
                        16,
                        64,
                        true))
                .isTrue();
        assertThat(registry.get("autodidact.health.collapsed").gauge().value()).isEqualTo(1);
        assertThat(guards.holdBack(
                        Map.of(HealthMonitor.STD, 0.2, HealthMonitor.PROJECTION_STD, projectionThreshold * 1.5),
                        16,
                        64,
                        true))
                .as("threshold scales with the projection size")
                .isFalse();
        assertThat(guards.holdBack(
                        Map.of(HealthMonitor.STD, 0.2, HealthMonitor.PROJECTION_STD, projectionThreshold / 2),
                        16,
                        64,
                        false))
                .as("overridden")
                .isFalse();
        assertThat(guards.holdBack(
                        Map.of(HealthMonitor.STD, 0.2, HealthMonitor.PROJECTION_STD, projectionThreshold / 2),
                        16,
                        0,
                        true))
                .as("no head")
                .isFalse();
        assertThat(registry.get("autodidact.checkpoint.held.back").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldRollBackToTheLastCheckpointOnceAfterNonFiniteHealth() {
        LearnerConfig config = config(3, 1);
        MeterRegistry registry = new SimpleMeterRegistry();
        try (NDManager root = NDManager.newBaseManager()) {
            Rig rig = Rig.of(root, config);
            SimClrMethod method = rig.method();
            Lineage state = rig.state();
            ModelState model = rig.model();
            TrainStep step = rig.step();
            state.advance(step.run(0, TrainStepTest.batch(8, 0)), TrainStepTest.batch(8, 0));
            Guards guards = new Guards(config, registry, Tags.empty(), null);
            guards.published(model.snapshot(state, Map.of()));
            float[] goodWeights =
                    method.trainableParameters().get(0).getValue().getArray().toFloatArray();
            state.advance(step.run(1, TrainStepTest.batch(8, 1)), TrainStepTest.batch(8, 1));

            assertThat(guards.holdBack(Map.of(HealthMonitor.STD, Double.NaN), 16, 8, true))
                    .isTrue();
            assertThat(guards.afterStep(applied(2)))
                    .as("roll back at the next step")
                    .isTrue();
            model.load(guards.lastGood());
            assertThat(method.trainableParameters().get(0).getValue().getArray().toFloatArray())
                    .containsExactly(goodWeights);
            assertThat(guards.afterStep(applied(3))).as("once").isFalse();
            assertThat(registry.get("autodidact.learner.rollbacks").counter().count())
                    .isEqualTo(1);

            assertThat(guards.holdBack(Map.of(HealthMonitor.STD, Double.NaN), 16, 8, true))
                    .isTrue();
            assertThatThrownBy(() -> guards.afterStep(applied(4)))
                    .as("more than max.rollbacks")
                    .hasMessageContaining("keeps diverging");
        }
    }
}
