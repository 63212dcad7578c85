package dev.autodidact.media.audio.augment;

import java.util.random.RandomGenerator;

/**
 * A window of {@code length} samples at a uniformly random start: the temporal analogue of a random crop, so two
 * views of one clip see overlapping but different stretches of it (COLA draws its two segments this way). A clip
 * shorter than the window is placed at a uniformly random offset inside it, with silence around.
 *
 * @param length the window in samples, at least 1
 */
public record RandomTimeCrop(int length) implements WaveformTransform {
    /** Checks that the window is not empty. */
    public RandomTimeCrop {
        Ranges.check("The crop length", length, 1, Integer.MAX_VALUE);
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator rng) {
        float[] out = new float[length];
        if (samples.length >= length) {
            int start = rng.nextInt(samples.length - length + 1);
            System.arraycopy(samples, start, out, 0, length);
        } else {
            int offset = rng.nextInt(length - samples.length + 1);
            System.arraycopy(samples, 0, out, offset, samples.length);
        }
        return out;
    }
}
