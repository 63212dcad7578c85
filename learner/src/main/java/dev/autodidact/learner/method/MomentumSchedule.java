package dev.autodidact.learner.method;

/**
 * The momentum of an EMA target as a function of the optimizer step (a stream has no epochs). BYOL's cosine schedule
 * (Grill et al. 2020, sec. 3.2), also DINO's for its teacher: {@code tau(k) = 1 - (1 - base) (cos(pi k / K) + 1) / 2}
 * rises from {@code base} at step 0 to 1 at the horizon {@code K} and stays there. With no horizon ({@code K <= 0},
 * an unbounded stream) the momentum stays at {@code base}, as MoCo's does.
 *
 * @param base momentum at step 0, in [0, 1]
 * @param horizonSteps step at which the momentum reaches 1; 0 or less for a constant momentum
 */
public record MomentumSchedule(double base, long horizonSteps) {

    public MomentumSchedule {
        if (!(base >= 0 && base <= 1)) {
            throw new IllegalArgumentException("Momentum must be in [0, 1], got " + base);
        }
    }

    /** A constant momentum. */
    public static MomentumSchedule constant(double momentum) {
        return new MomentumSchedule(momentum, 0);
    }

    /** @return the momentum for the update after optimizer step {@code step} (0-based) */
    public double at(long step) {
        if (horizonSteps <= 0) {
            return base;
        }
        double progress = Math.min(1.0, Math.max(0, step) / (double) horizonSteps);
        return 1 - (1 - base) * (Math.cos(Math.PI * progress) + 1) / 2;
    }
}
