package dev.autodidact.media.audio.augment;

import java.util.random.RandomGenerator;

/**
 * Shifts the clip by a whole number of samples drawn uniformly in {@code [-m, m]}, {@code m = floor(maxFraction *
 * length)}, filling the samples it vacates with silence (rather than wrapping the end round to the start, which would
 * splice a discontinuity into the clip): the event happens a little earlier or later.
 *
 * @param maxFraction the largest shift as a fraction of the clip's length, in {@code [0, 1]}
 */
public record TimeShift(double maxFraction) implements WaveformTransform {
    /** Checks the fraction. */
    public TimeShift {
        Ranges.check("The largest time shift", maxFraction, 0, 1);
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator rng) {
        int most = (int) Math.floor(maxFraction * samples.length);
        int shift = most == 0 ? 0 : rng.nextInt(-most, most + 1);
        float[] out = new float[samples.length];
        if (shift >= 0) {
            System.arraycopy(samples, 0, out, shift, samples.length - shift);
        } else {
            System.arraycopy(samples, -shift, out, 0, samples.length + shift);
        }
        return out;
    }
}
