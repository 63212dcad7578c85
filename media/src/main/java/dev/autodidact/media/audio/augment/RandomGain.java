package dev.autodidact.media.audio.augment;

import java.util.random.RandomGenerator;

/**
 * Multiplies the clip by {@code 10^(g / 20)} for a gain {@code g} drawn uniformly in {@code [minDb, maxDb]}: the same
 * sound recorded nearer or farther, which a representation should not tell apart. Samples are not clipped to
 * {@code [-1, 1]}: the log-mel features and the encoders take any level, and clipping would add distortion no
 * microphone made.
 *
 * @param minDb lowest gain in dB, at least {@value #MIN_DB}
 * @param maxDb highest gain in dB, at most {@value #MAX_DB}
 */
public record RandomGain(double minDb, double maxDb) implements WaveformTransform {
    /** Lowest gain accepted. */
    public static final double MIN_DB = -60;
    /** Highest gain accepted. */
    public static final double MAX_DB = 60;

    /** Checks the range. */
    public RandomGain {
        Ranges.checkRange("The gain in dB", minDb, maxDb, MIN_DB, MAX_DB);
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator rng) {
        float factor = (float) Math.pow(10, Ranges.uniform(rng, minDb, maxDb) / 20);
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i] * factor;
        }
        return out;
    }
}
