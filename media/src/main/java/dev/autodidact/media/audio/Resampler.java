package dev.autodidact.media.audio;

import dev.autodidact.media.audio.internal.KaiserSinc;

/**
 * Band-limited rational resampling from one sample rate to another, so that no frequency above the new Nyquist
 * frequency folds back into the audible band (decimating a 44.1 kHz file to 16 kHz by dropping samples would alias
 * everything between 8 and 22 kHz onto speech).
 *
 * <p>Each output sample {@code n} lies at input time {@code t = n * src / dst} and is the sum of the input samples
 * around {@code t} weighted by a Kaiser-windowed sinc ({@link KaiserSinc}): cut-off at {@value #ROLLOFF} of the
 * lower of the two Nyquist frequencies, {@value #ZERO_CROSSINGS} zero crossings each side, Kaiser {@code beta}
 * {@value #KAISER_BETA}. That gives a pass band flat to 0.01 dB up to about 0.86 of the lower Nyquist frequency, the
 * -6 dB point at 0.94 of it, and a stop band from about 1.02 of it on, attenuated by at least 85 dB (Kaiser's formula
 * gives 86 dB for this {@code beta}; from 44.1 to 8 kHz the tests measure 87 dB and more from 4.1 kHz up, and check
 * 80 dB). The transition band between the two is about 0.16 of the lower Nyquist frequency wide: a compromise between
 * keeping the top of the speech band and the cost of a longer kernel.
 *
 * <p>Polyphase: with {@code src / dst = M / L} in lowest terms, only {@code L} distinct sets of weights (phases)
 * occur, and they are computed once, so a call is a dot product per output sample. When {@code L} is large (rates that
 * share no large common factor) or the kernel long (a steep downsampling), the table keeps at most
 * {@value #MAX_PHASES} phases and at most {@value #MAX_TABLE_WEIGHTS} weights, and each output sample interpolates
 * linearly between the two nearest phases: the kernel is smooth enough at that spacing that the error stays far below
 * the stop-band level. Samples before the start and after the end of the input count as zeros. Identity (a copy) when
 * the rates are equal. Instances are immutable and thread-safe.
 */
public final class Resampler {
    /** The cut-off as a fraction of the lower Nyquist frequency, where the response is down 6 dB. */
    public static final double ROLLOFF = 0.94;
    /** Zeros of the sinc kept each side of the centre. */
    public static final int ZERO_CROSSINGS = 32;
    /** The Kaiser window's shape: about 86 dB of stop-band attenuation. */
    public static final double KAISER_BETA = 8.6;
    /** Most phases the table keeps exactly. */
    public static final int MAX_PHASES = 1024;
    /** Most weights in the table (16 MiB of floats). */
    public static final int MAX_TABLE_WEIGHTS = 1 << 22;
    /** Highest rate accepted on either side. */
    public static final int MAX_RATE = 1_000_000;

    private final int sourceRate;
    private final int targetRate;
    private final long up;
    private final long down;
    private final int taps;
    private final int phases;
    private final boolean exact;
    private final float[] table;

    /**
     * @param sourceRate the input's sample rate, in {@code [1, MAX_RATE]}
     * @param targetRate the output's sample rate, in {@code [1, MAX_RATE]}
     * @throws IllegalArgumentException if a rate is out of range, or the target rate is so far below the source
     *     rate (more than about 30,000 times) that two phases of the kernel would not fit the table
     */
    public Resampler(int sourceRate, int targetRate) {
        checkRate("source", sourceRate);
        checkRate("target", targetRate);
        this.sourceRate = sourceRate;
        this.targetRate = targetRate;
        long gcd = gcd(sourceRate, targetRate);
        this.up = targetRate / gcd;
        this.down = sourceRate / gcd;
        KaiserSinc kernel =
                new KaiserSinc(ROLLOFF * Math.min(1.0, (double) targetRate / sourceRate), ZERO_CROSSINGS, KAISER_BETA);
        int half = (int) Math.ceil(kernel.halfWidth()) + 1;
        this.taps = 2 * half;
        if (2L * taps > MAX_TABLE_WEIGHTS) {
            throw new IllegalArgumentException("Resampling from " + sourceRate + " to " + targetRate
                    + " Hz needs a kernel of " + taps + " weights, more than the table holds; resample in two steps");
        }
        int fit = Math.max(1, MAX_TABLE_WEIGHTS / taps - 1);
        this.exact = up <= Math.min(MAX_PHASES, fit);
        this.phases = exact ? (int) up : Math.min(MAX_PHASES, fit);
        this.table = sourceRate == targetRate ? new float[0] : table(kernel, half);
    }

    private float[] table(KaiserSinc kernel, int half) {
        int rows = exact ? phases : phases + 1;
        float[] weights = new float[rows * taps];
        for (int row = 0; row < rows; row++) {
            double frac = exact ? (double) row / up : (double) row / phases;
            for (int k = 0; k < taps; k++) {
                weights[row * taps + k] = (float) kernel.at(k - half + 1 - frac);
            }
        }
        return weights;
    }

    /** @return the input's sample rate */
    public int sourceRate() {
        return sourceRate;
    }

    /** @return the output's sample rate */
    public int targetRate() {
        return targetRate;
    }

    /**
     * @param inputLength samples in
     * @param sourceRate the input's rate
     * @param targetRate the output's rate
     * @return samples out for the whole input: {@code round(inputLength * targetRate / sourceRate)}
     */
    public static long outputLength(long inputLength, int sourceRate, int targetRate) {
        return (inputLength * targetRate + sourceRate / 2) / sourceRate;
    }

    /**
     * @param input samples at the source rate, not modified
     * @return the whole input at the target rate, {@link #outputLength} samples
     */
    public float[] resample(float[] input) {
        return resample(input, Math.toIntExact(outputLength(input.length, sourceRate, targetRate)));
    }

    /**
     * Resamples only the start of the input, without spending work on output nobody keeps (a canonical clip is the
     * first second of a file that may be a minute long).
     *
     * @param input samples at the source rate, not modified
     * @param outputLength how many output samples to compute, from the first; past the input's end they fade to zeros
     * @return {@code outputLength} samples at the target rate
     */
    public float[] resample(float[] input, int outputLength) {
        if (outputLength < 0) {
            throw new IllegalArgumentException("Output length must not be negative, got " + outputLength);
        }
        float[] out = new float[outputLength];
        if (sourceRate == targetRate) {
            System.arraycopy(input, 0, out, 0, Math.min(input.length, outputLength));
            return out;
        }
        int half = taps / 2;
        long index = 0;
        long remainder = 0;
        long step = down / up;
        long stepRemainder = down % up;
        for (int n = 0; n < outputLength; n++) {
            int start = (int) Math.min(Integer.MAX_VALUE, index - half + 1);
            if (exact) {
                out[n] = dot(input, start, (int) remainder * taps);
            } else {
                double position = (double) remainder * phases / up;
                int row = (int) position;
                float weight = (float) (position - row);
                float below = dot(input, start, row * taps);
                float above = dot(input, start, (row + 1) * taps);
                out[n] = below + weight * (above - below);
            }
            index += step;
            remainder += stepRemainder;
            if (remainder >= up) {
                remainder -= up;
                index++;
            }
        }
        return out;
    }

    private float dot(float[] input, int start, int row) {
        float sum = 0;
        if (start >= 0 && start + taps <= input.length) {
            for (int k = 0; k < taps; k++) {
                sum += table[row + k] * input[start + k];
            }
            return sum;
        }
        int from = Math.max(0, -start);
        int to = (int) Math.min(taps, (long) input.length - start);
        for (int k = from; k < to; k++) {
            sum += table[row + k] * input[start + k];
        }
        return sum;
    }

    private static void checkRate(String which, int rate) {
        if (rate < 1 || rate > MAX_RATE) {
            throw new IllegalArgumentException(
                    "The " + which + " sample rate must be in [1, " + MAX_RATE + "] Hz, got " + rate);
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
