package dev.autodidact.media.audio.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Time and frequency masking of a log-mel spectrogram (Park et al., "SpecAugment", Interspeech 2019): {@code
 * freqMasks} bands of {@code w} consecutive mel bands and {@code timeMasks} stretches of {@code w} consecutive frames,
 * each {@code w} drawn uniformly in {@code [0, maxWidth]} (cut to the spectrogram's size) at a uniformly random
 * position, are set to the spectrogram's mean (taken before masking), so a masked region carries no information but
 * no extreme value either. Time warping is left out, as in most self-supervised audio work. Masks may overlap.
 *
 * @param timeMasks stretches of frames to mask, in {@code [0, MAX_MASKS]}
 * @param maxTimeWidth widest time mask in frames, in {@code [0, MAX_WIDTH]}
 * @param freqMasks bands of mel channels to mask, in {@code [0, MAX_MASKS]}
 * @param maxFreqWidth widest frequency mask in mel bands, in {@code [0, MAX_WIDTH]}
 */
public record SpecAugment(int timeMasks, int maxTimeWidth, int freqMasks, int maxFreqWidth) {
    /** Most masks of each kind. */
    public static final int MAX_MASKS = 16;
    /** Widest mask of either kind. */
    public static final int MAX_WIDTH = 1_024;

    /** Checks counts and widths. */
    public SpecAugment {
        Ranges.check("The number of time masks", timeMasks, 0, MAX_MASKS);
        Ranges.check("The widest time mask", maxTimeWidth, 0, MAX_WIDTH);
        Ranges.check("The number of frequency masks", freqMasks, 0, MAX_MASKS);
        Ranges.check("The widest frequency mask", maxFreqWidth, 0, MAX_WIDTH);
    }

    /** @return masking that changes nothing */
    public static SpecAugment none() {
        return new SpecAugment(0, 0, 0, 0);
    }

    /**
     * @param logMel {@code [bands][frames]}, not modified
     * @param rng the source of randomness
     * @return a masked copy
     */
    public float[][] apply(float[][] logMel, RandomGenerator rng) {
        int bands = logMel.length;
        int frames = logMel[0].length;
        float[][] out = new float[bands][];
        double sum = 0;
        for (int m = 0; m < bands; m++) {
            out[m] = logMel[m].clone();
            for (float v : out[m]) {
                sum += v;
            }
        }
        float mean = (float) (sum / ((double) bands * frames));
        for (int i = 0; i < freqMasks; i++) {
            int width = Math.min(rng.nextInt(maxFreqWidth + 1), bands);
            int first = rng.nextInt(bands - width + 1);
            for (int m = first; m < first + width; m++) {
                Arrays.fill(out[m], mean);
            }
        }
        for (int i = 0; i < timeMasks; i++) {
            int width = Math.min(rng.nextInt(maxTimeWidth + 1), frames);
            int first = rng.nextInt(frames - width + 1);
            for (float[] band : out) {
                Arrays.fill(band, first, first + width, mean);
            }
        }
        return out;
    }
}
