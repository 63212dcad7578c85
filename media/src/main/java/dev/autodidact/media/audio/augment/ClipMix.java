package dev.autodidact.media.audio.augment;

import java.util.random.RandomGenerator;

/**
 * Mixes another clip into this one, as BYOL-A's mixup does with a clip from its memory: {@code (1 - w) x + w o'} with
 * {@code w} drawn uniformly in {@code [0, maxWeight]}, where {@code o'} is the other clip scaled to this clip's RMS
 * level. Matching the levels first makes {@code w} the other clip's share of the mix whatever either was recorded at;
 * a silent other clip adds nothing, and when this clip is silent the other is mixed in at its own level. The other
 * clip is cut or zero-padded at its end to this clip's length. Background sounds that come and go should not change
 * what a clip is.
 *
 * @param maxWeight the largest share of the other clip, in {@code [0, 1]}; 0 turns mixing off
 */
public record ClipMix(double maxWeight) {
    /** Checks the weight. */
    public ClipMix {
        Ranges.check("The largest mixing weight", maxWeight, 0, 1);
    }

    /**
     * @param samples this clip, not modified
     * @param other the clip to mix in, not modified
     * @param rng the source of randomness
     * @return the mix, as long as {@code samples}
     */
    public float[] apply(float[] samples, float[] other, RandomGenerator rng) {
        double weight = Ranges.uniform(rng, 0, maxWeight);
        double ownLevel = Ranges.rms(samples);
        double otherLevel = Ranges.rms(other);
        float[] out = new float[samples.length];
        float keep = (float) (1 - weight);
        float add = otherLevel == 0 ? 0 : (float) (weight * (ownLevel > 0 ? ownLevel / otherLevel : 1));
        int overlap = Math.min(samples.length, other.length);
        for (int i = 0; i < samples.length; i++) {
            out[i] = keep * samples[i] + (i < overlap ? add * other[i] : 0);
        }
        return out;
    }
}
