package dev.autodidact.media.audio.augment;

import java.util.random.RandomGenerator;

/** The range checks and draws the augmentations share. */
final class Ranges {
    private Ranges() {}

    /**
     * @throws IllegalArgumentException unless {@code lowest <= min <= max <= highest}
     */
    static void checkRange(String what, double min, double max, double lowest, double highest) {
        if (!(min >= lowest && min <= max && max <= highest)) {
            throw new IllegalArgumentException(what + " must be a range within [" + lowest + ", " + highest
                    + "] with min <= max, got " + min + ".." + max);
        }
    }

    /** @return {@code value}, if within {@code [lowest, highest]} */
    static double check(String what, double value, double lowest, double highest) {
        if (!(value >= lowest && value <= highest)) {
            throw new IllegalArgumentException(what + " must be in [" + lowest + ", " + highest + "], got " + value);
        }
        return value;
    }

    /** @return {@code value}, if within {@code [lowest, highest]} */
    static int check(String what, int value, int lowest, int highest) {
        if (value < lowest || value > highest) {
            throw new IllegalArgumentException(what + " must be in [" + lowest + ", " + highest + "], got " + value);
        }
        return value;
    }

    /** @return a uniform draw from {@code [low, high)}, or {@code low} when they are equal */
    static double uniform(RandomGenerator rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** @return the root mean square of {@code samples} */
    static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }
}
