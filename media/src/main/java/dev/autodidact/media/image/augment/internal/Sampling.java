package dev.autodidact.media.image.augment.internal;

import java.util.random.RandomGenerator;

/** Random draws with the edge cases torchvision allows (empty ranges, probabilities 0 and 1). */
public final class Sampling {
    private Sampling() {}

    /**
     * @param rng the source of randomness
     * @param low lower bound
     * @param high upper bound, may equal {@code low}
     * @return a uniform value in {@code [low, high)}, or {@code low} when the range is empty
     */
    public static double uniform(RandomGenerator rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /**
     * Draws one value, even when the outcome is certain, so that the random stream does not depend on {@code p}.
     *
     * @param rng the source of randomness
     * @param p probability of {@code true}
     * @return {@code true} with probability {@code p}
     */
    public static boolean chance(RandomGenerator rng, double p) {
        return rng.nextDouble() < p;
    }

    /**
     * @param rng the source of randomness
     * @param n number of elements
     * @return a uniformly random permutation of {@code 0..n-1} (Fisher-Yates)
     */
    public static int[] permutation(RandomGenerator rng, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * @param name parameter name for the message
     * @param p a probability
     * @return {@code p}
     * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
     */
    public static double checkProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p);
        }
        return p;
    }
}
