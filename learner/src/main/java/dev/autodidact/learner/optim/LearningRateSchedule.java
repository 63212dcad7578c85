package dev.autodidact.learner.optim;

import dev.autodidact.learner.LearnerConfig;
import java.util.Locale;

/**
 * Learning rate as a pure function of the global optimizer step (a stream has no epochs, and a resumed run continues
 * the curve from its checkpointed step): linear warm-up from {@code peak / warmupSteps} at step 0 to {@code peak} at
 * step {@code warmupSteps - 1}, then either constant at {@code peak}, or cosine annealing with warm restarts (SGDR,
 * Loshchilov and Hutter, ICLR 2017, without cycle lengthening): with {@code t = (step - warmupSteps) mod cycleSteps},
 * <pre>
 *   lr = peak * (minRatio + (1 - minRatio) * (1 + cos(pi * t / cycleSteps)) / 2)
 * </pre>
 * so each cycle starts at {@code peak}, falls towards {@code peak * minRatio} (reached at the restart step itself, where
 * the next cycle starts at {@code peak} again).
 *
 * @param peak the learning rate after warm-up, at the start of every cycle
 * @param warmupSteps steps of the linear warm-up; 0 for none
 * @param cycleSteps steps of one cosine cycle; 0 for a constant rate after warm-up
 * @param minRatio the lowest rate of a cycle as a fraction of {@code peak}, in [0, 1]
 */
public record LearningRateSchedule(float peak, long warmupSteps, long cycleSteps, float minRatio) {

    /** @throws IllegalArgumentException if a step count is negative or {@code minRatio} lies outside [0, 1] */
    public LearningRateSchedule {
        if (!Float.isFinite(peak) || peak < 0) {
            throw new IllegalArgumentException("Peak learning rate must be finite and >= 0, got " + peak);
        }
        if (warmupSteps < 0 || cycleSteps < 0) {
            throw new IllegalArgumentException(
                    "Warm-up and cycle steps must be >= 0, got " + warmupSteps + " and " + cycleSteps);
        }
        if (!(minRatio >= 0 && minRatio <= 1)) {
            throw new IllegalArgumentException("Minimum ratio must lie in [0, 1], got " + minRatio);
        }
    }

    /** Linear warm-up, then {@code peak} for ever. */
    public static LearningRateSchedule constantAfterWarmup(float peak, long warmupSteps) {
        return new LearningRateSchedule(peak, warmupSteps, 0, 1f);
    }

    /**
     * Linear warm-up, then cosine cycles of {@code cycleSteps} from {@code peak} down towards {@code peak * minRatio}.
     *
     * @throws IllegalArgumentException if {@code cycleSteps < 1}
     */
    public static LearningRateSchedule cosineWithRestarts(
            float peak, long warmupSteps, long cycleSteps, float minRatio) {
        if (cycleSteps < 1) {
            throw new IllegalArgumentException("A cosine cycle needs at least 1 step, got " + cycleSteps);
        }
        return new LearningRateSchedule(peak, warmupSteps, cycleSteps, minRatio);
    }

    /**
     * The schedule the settings ask for: {@link LearnerConfig#LR_SCHEDULE_CONFIG} {@code constant} or {@code cosine},
     * peak {@link LearnerConfig#learningRate()}, warm-up {@link LearnerConfig#WARMUP_STEPS_CONFIG}, and for cosine
     * {@link LearnerConfig#LR_CYCLE_STEPS_CONFIG} and {@link LearnerConfig#LR_MIN_RATIO_CONFIG}.
     */
    public static LearningRateSchedule from(LearnerConfig config) {
        float peak = (float) config.learningRate();
        long warmup = config.getLong(LearnerConfig.WARMUP_STEPS_CONFIG);
        String kind = config.getString(LearnerConfig.LR_SCHEDULE_CONFIG).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "constant" -> constantAfterWarmup(peak, warmup);
            case "cosine" ->
                cosineWithRestarts(
                        peak,
                        warmup,
                        config.getLong(LearnerConfig.LR_CYCLE_STEPS_CONFIG),
                        config.getDouble(LearnerConfig.LR_MIN_RATIO_CONFIG).floatValue());
            default ->
                throw new IllegalArgumentException(
                        "Unknown " + LearnerConfig.LR_SCHEDULE_CONFIG + " '" + kind + "'; known: constant, cosine");
        };
    }

    /**
     * @param step the global optimizer step, 0-based
     * @return the learning rate of that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public float at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("Step must be >= 0, got " + step);
        }
        if (step < warmupSteps) {
            return (float) ((double) peak * (step + 1) / warmupSteps);
        }
        if (cycleSteps == 0) {
            return peak;
        }
        long t = (step - warmupSteps) % cycleSteps;
        double cosine = 0.5 * (1 + Math.cos(Math.PI * t / cycleSteps));
        return (float) (peak * (minRatio + (1.0 - minRatio) * cosine));
    }
}
