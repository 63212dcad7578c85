package dev.autodidact.learner.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autodidact.learner.LearnerConfig;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link LearningRateSchedule} against values worked out by hand from {@code peak * (m + (1 - m) * (1 + cos(pi t /
 * T)) / 2)}, with the cosines written out as decimals (cos(0.3 pi) = 0.5877852523, cos(0.9 pi) = -0.9510565163,
 * cos(pi / 4) = 0.7071067812).
 */
class LearningRateScheduleTest {
    private static final Offset<Float> CLOSE = within(1e-6f);

    /** Peak 1, four warm-up steps, cycles of ten steps, down to 0.1. */
    private static final LearningRateSchedule SGDR = LearningRateSchedule.cosineWithRestarts(1f, 4, 10, 0.1f);

    @Test
    void shouldRampLinearlyDuringWarmUpStartingAboveZeroAtStepZero() {
        assertThat(SGDR.at(0)).isCloseTo(0.25f, CLOSE);
        assertThat(SGDR.at(1)).isCloseTo(0.50f, CLOSE);
        assertThat(SGDR.at(2)).isCloseTo(0.75f, CLOSE);
        assertThat(SGDR.at(3)).isCloseTo(1.00f, CLOSE);
    }

    @Test
    void shouldStartACycleAtThePeakPassHalfwayAtItsMiddleAndNearTheMinimumAtItsEnd() {
        assertThat(SGDR.at(4)).isCloseTo(1f, CLOSE);
        // t = 3: 0.1 + 0.9 * (1 + 0.5877852523) / 2
        assertThat(SGDR.at(7)).isCloseTo(0.8145034f, CLOSE);
        // t = 5: cos(pi / 2) = 0, so 0.1 + 0.9 / 2
        assertThat(SGDR.at(9)).isCloseTo(0.55f, CLOSE);
        // t = 9: 0.1 + 0.9 * (1 - 0.9510565163) / 2
        assertThat(SGDR.at(13)).isCloseTo(0.1220246f, CLOSE);
    }

    @Test
    void shouldRestartAtThePeakAndRepeatTheCycle() {
        assertThat(SGDR.at(14)).isCloseTo(1f, CLOSE);
        assertThat(SGDR.at(24)).isCloseTo(1f, CLOSE);
        for (long t = 0; t < 10; t++) {
            assertThat(SGDR.at(4 + 10 * 7 + t)).isEqualTo(SGDR.at(4 + t));
        }
    }

    @Test
    void shouldScaleByThePeakAndFloorAtTheMinRatio() {
        LearningRateSchedule schedule = LearningRateSchedule.cosineWithRestarts(0.2f, 0, 4, 0.25f);

        assertThat(schedule.at(0)).isCloseTo(0.2f, CLOSE);
        // 0.2 * (0.25 + 0.75 * (1 + 0.7071067812) / 2)
        assertThat(schedule.at(1)).isCloseTo(0.1780330f, CLOSE);
        assertThat(schedule.at(2)).isCloseTo(0.125f, CLOSE);
        // 0.2 * (0.25 + 0.75 * (1 - 0.7071067812) / 2)
        assertThat(schedule.at(3)).isCloseTo(0.0719670f, CLOSE);
        assertThat(schedule.at(4)).isCloseTo(0.2f, CLOSE);
        for (long step = 0; step < 100; step++) {
            assertThat(schedule.at(step)).isBetween(0.05f, 0.2f);
        }
    }

    @Test
    void shouldStayAtThePeakWhenTheMinRatioIsOneAndReachNearZeroWhenItIsZero() {
        LearningRateSchedule flat = LearningRateSchedule.cosineWithRestarts(0.5f, 0, 10, 1f);
        LearningRateSchedule full = LearningRateSchedule.cosineWithRestarts(0.5f, 0, 1000, 0f);

        for (long step = 0; step < 30; step++) {
            assertThat(flat.at(step)).isCloseTo(0.5f, CLOSE);
        }
        assertThat(full.at(999)).isCloseTo(0f, within(1e-5f)).isPositive();
    }

    @Test
    void shouldKeepThePeakAfterWarmUpWhenConstant() {
        LearningRateSchedule constant = LearningRateSchedule.constantAfterWarmup(3e-3f, 2);

        assertThat(constant.at(0)).isCloseTo(1.5e-3f, CLOSE);
        assertThat(constant.at(1)).isEqualTo(3e-3f);
        assertThat(constant.at(2)).isEqualTo(3e-3f);
        assertThat(constant.at(1_000_000)).isEqualTo(3e-3f);
        assertThat(LearningRateSchedule.constantAfterWarmup(3e-3f, 0).at(0)).isEqualTo(3e-3f);
    }

    @Test
    void shouldStayFiniteAndInRangeAtHugeSteps() {
        // (Long.MAX_VALUE - 4) mod 10 = 3, the value of step 7
        assertThat(SGDR.at(Long.MAX_VALUE)).isCloseTo(0.8145034f, CLOSE);
        assertThat(LearningRateSchedule.constantAfterWarmup(1e-3f, 100).at(Long.MAX_VALUE))
                .isEqualTo(1e-3f);
        LearningRateSchedule longWarmUp = LearningRateSchedule.cosineWithRestarts(1f, Long.MAX_VALUE, 1, 0.1f);
        assertThat(longWarmUp.at(Long.MAX_VALUE - 1)).isCloseTo(1f, CLOSE);
        assertThat(longWarmUp.at(0)).isFinite().isPositive();
        LearningRateSchedule longCycle = LearningRateSchedule.cosineWithRestarts(1f, 0, Long.MAX_VALUE, 0.1f);
        assertThat(longCycle.at(Long.MAX_VALUE - 1)).isCloseTo(0.1f, CLOSE);
        assertThat(longCycle.at(Long.MAX_VALUE / 2)).isCloseTo(0.55f, CLOSE);
    }

    @Test
    void shouldRejectNegativeStepsAndImpossibleSettings() {
        assertThatThrownBy(() -> SGDR.at(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.cosineWithRestarts(1f, 0, 0, 0.1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> LearningRateSchedule.cosineWithRestarts(1f, 0, 10, 1.5f))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.constantAfterWarmup(1f, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.constantAfterWarmup(Float.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildTheScheduleTheSettingsAskFor() {
        assertThat(LearningRateSchedule.from(config(Map.of(
                        LearnerConfig.LR_SCHEDULE_CONFIG,
                        "cosine",
                        LearnerConfig.LEARNING_RATE_CONFIG,
                        0.01,
                        LearnerConfig.WARMUP_STEPS_CONFIG,
                        5L,
                        LearnerConfig.LR_CYCLE_STEPS_CONFIG,
                        50L,
                        LearnerConfig.LR_MIN_RATIO_CONFIG,
                        0.2))))
                .isEqualTo(LearningRateSchedule.cosineWithRestarts(0.01f, 5, 50, 0.2f));
        assertThat(LearningRateSchedule.from(config(
                        Map.of(LearnerConfig.LEARNING_RATE_CONFIG, 0.01, LearnerConfig.WARMUP_STEPS_CONFIG, 5L))))
                .isEqualTo(LearningRateSchedule.constantAfterWarmup(0.01f, 5));
    }

    @Test
    void shouldTakeThePeakFromTheMethodRecipeWhenNoLearningRateIsSet() {
        LearnerConfig config = config(Map.of(LearnerConfig.LR_SCHEDULE_CONFIG, "cosine"));

        LearningRateSchedule schedule = LearningRateSchedule.from(config);

        assertThat(schedule.peak()).isEqualTo((float) config.learningRate());
        assertThat(schedule.cycleSteps()).isEqualTo(config.getLong(LearnerConfig.LR_CYCLE_STEPS_CONFIG));
    }

    private static LearnerConfig config(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(Map.of(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"));
        props.putAll(overrides);
        return new LearnerConfig(props);
    }
}
