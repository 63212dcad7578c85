package dev.autodidact.media.audio;

import java.util.Arrays;

/**
 * A mono clip at a known sample rate, samples nominally in {@code [-1, 1]}: the canonical form of the
 * {@code clean.audio} topic ({@link AudioCanonicalizer}) and what the augmentations and recipes work on. Immutable: the
 * constructor and {@link #samples()} copy, so a clip handed to a recipe is never changed by it; equality compares rate
 * and samples.
 */
public final class PcmClip {
    private final float[] samples;
    private final int sampleRate;

    /**
     * @param samples the samples, at least one; copied
     * @param sampleRate samples per second, at least 1
     * @throws IllegalArgumentException if there is no sample or the rate is not positive
     */
    public PcmClip(float[] samples, int sampleRate) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("A clip needs at least one sample");
        }
        if (sampleRate < 1) {
            throw new IllegalArgumentException("Sample rate must be positive, got " + sampleRate);
        }
        this.samples = samples.clone();
        this.sampleRate = sampleRate;
    }

    /** @return a copy of the samples */
    public float[] samples() {
        return samples.clone();
    }

    /**
     * @param index a sample index, {@code 0 <= index < length()}
     * @return that sample
     */
    public float sample(int index) {
        return samples[index];
    }

    /** @return the number of samples */
    public int length() {
        return samples.length;
    }

    /** @return samples per second */
    public int sampleRate() {
        return sampleRate;
    }

    /** @return the duration in seconds */
    public double seconds() {
        return (double) samples.length / sampleRate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PcmClip that && sampleRate == that.sampleRate && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PcmClip[" + samples.length + " samples at " + sampleRate + " Hz]";
    }
}
