package dev.autodidact.learner.optim;

/**
 * Learning rate as a function of the optimizer step only (a stream has no epochs): linear warm-up from 0 to
 * {@code base} over {@code warmupSteps}, then constant, or cosine decay to {@code base * finalFraction} at
 * {@code decaySteps} when that is known (bounded pretraining runs).
 */
public record LearningRateSchedule(float base, long warmupSteps, long decaySteps, float finalFraction) {

    public static LearningRateSchedule constantAfterWarmup(float base, long warmupSteps) {
        return new LearningRateSchedule(base, warmupSteps, 0, 1f);
    }

    public float at(long step) {
        if (warmupSteps > 0 && step < warmupSteps) {
            return base * (step + 1) / warmupSteps;
        }
        if (decaySteps <= warmupSteps) {
            return base;
        }
        double progress = Math.min(1.0, (step - warmupSteps) / (double) (decaySteps - warmupSteps));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (base * (finalFraction + (1 - finalFraction) * cosine));
    }
}
