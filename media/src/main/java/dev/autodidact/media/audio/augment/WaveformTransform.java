package dev.autodidact.media.audio.augment;

import java.util.random.RandomGenerator;

/** One random change to a waveform: a pure function of the samples and the generator's draws. */
@FunctionalInterface
public interface WaveformTransform {
    /**
     * @param samples mono samples, not modified
     * @param rng the source of randomness
     * @return a new array with the change applied
     */
    float[] apply(float[] samples, RandomGenerator rng);
}
