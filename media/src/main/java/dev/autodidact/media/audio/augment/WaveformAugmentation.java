package dev.autodidact.media.audio.augment;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The waveform augmentations of one audio view, in a fixed order: {@link RandomGain}, {@link GaussianNoise},
 * {@link TimeShift}, then {@link ClipMix} when another clip is given. Gain before noise, so the signal-to-noise ratio
 * is the drawn one; mixing last, so the other clip is heard clean under this one's noise. The recipes apply it to a
 * {@link RandomTimeCrop} of the clip.
 *
 * @param gain the random gain
 * @param noise the additive noise
 * @param shift the time shift
 * @param mix the mixing with another clip
 */
public record WaveformAugmentation(RandomGain gain, GaussianNoise noise, TimeShift shift, ClipMix mix) {
    /** Checks that every part is given. */
    public WaveformAugmentation {
        Objects.requireNonNull(gain, "gain");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(mix, "mix");
    }

    /**
     * @param minGainDb lowest gain in dB
     * @param maxGainDb highest gain in dB
     * @param minSnrDb lowest signal-to-noise ratio in dB
     * @param maxSnrDb highest signal-to-noise ratio in dB
     * @param maxShift largest time shift as a fraction of the crop
     * @param maxMix largest share of another clip, 0 for none
     * @return the augmentation
     */
    public static WaveformAugmentation of(
            double minGainDb, double maxGainDb, double minSnrDb, double maxSnrDb, double maxShift, double maxMix) {
        return new WaveformAugmentation(
                new RandomGain(minGainDb, maxGainDb),
                new GaussianNoise(minSnrDb, maxSnrDb),
                new TimeShift(maxShift),
                new ClipMix(maxMix));
    }

    /**
     * @param crop the clip's crop, not modified
     * @param otherCrop a crop of another clip to mix in, or {@code null} for none; ignored when mixing is off
     * @param rng the source of randomness
     * @return the augmented crop, as long as {@code crop}
     */
    public float[] apply(float[] crop, float[] otherCrop, RandomGenerator rng) {
        float[] out = gain.apply(crop, rng);
        out = noise.apply(out, rng);
        out = shift.apply(out, rng);
        if (otherCrop != null && mix.maxWeight() > 0) {
            out = mix.apply(out, otherCrop, rng);
        }
        return out;
    }
}
