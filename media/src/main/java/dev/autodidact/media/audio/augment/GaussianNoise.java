package dev.autodidact.media.audio.augment;

import java.util.random.RandomGenerator;

/**
 * Adds white Gaussian noise at a signal-to-noise ratio drawn uniformly in {@code [minSnrDb, maxSnrDb]}: the noise's
 * standard deviation is {@code rms(clip) / 10^(snr / 20)}, so a quiet clip gets quiet noise and the ratio, not the
 * level, is what varies. A silent clip stays silent (there is no signal to measure a ratio against).
 *
 * @param minSnrDb lowest ratio in dB, at least {@value #MIN_DB}
 * @param maxSnrDb highest ratio in dB, at most {@value #MAX_DB}
 */
public record GaussianNoise(double minSnrDb, double maxSnrDb) implements WaveformTransform {
    /** Lowest ratio accepted: noise ten times louder than the signal. */
    public static final double MIN_DB = -20;
    /** Highest ratio accepted: noise far below 16-bit resolution, in effect none. */
    public static final double MAX_DB = 120;

    /** Checks the range. */
    public GaussianNoise {
        Ranges.checkRange("The signal-to-noise ratio in dB", minSnrDb, maxSnrDb, MIN_DB, MAX_DB);
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator rng) {
        double snr = Ranges.uniform(rng, minSnrDb, maxSnrDb);
        double std = Ranges.rms(samples) / Math.pow(10, snr / 20);
        float[] out = samples.clone();
        if (std > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (std * rng.nextGaussian());
            }
        }
        return out;
    }
}
