package dev.autodidact.learner.modality.audio;

/**
 * The Slaney-style mel filterbank of librosa's {@code filters.mel} with its defaults ({@code htk=False,
 * norm='slaney'}): mel scale linear below 1 kHz (200/3 Hz per mel) and logarithmic above (27 mels per factor 6.4),
 * {@code mels + 2} band edges equally spaced in mel from {@code fMin} to {@code fMax}, triangular filters over the FFT
 * bin frequencies {@code k * sampleRate / fftSize}, each scaled by {@code 2 / (f_(i+2) - f_i)} so that every filter
 * has the same area (Slaney's Auditory Toolbox). Computed in double, as librosa does, then stored as float.
 */
public final class MelFilterbank {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int bins;
    private final int mels;
    private final float[] weights;

    /**
     * @param sampleRate samples per second
     * @param fftSize FFT length; the filterbank covers its {@code fftSize / 2 + 1} bins
     * @param mels number of filters
     * @param fMin lower edge of the first filter in Hz
     * @param fMax upper edge of the last filter in Hz, at most half the sample rate
     */
    public MelFilterbank(int sampleRate, int fftSize, int mels, double fMin, double fMax) {
        if (sampleRate < 1 || fftSize < 2 || mels < 1 || fMin < 0 || fMax <= fMin || fMax > sampleRate / 2.0) {
            throw new IllegalArgumentException("Invalid mel filterbank: rate " + sampleRate + ", FFT " + fftSize + ", "
                    + mels + " mels from " + fMin + " to " + fMax + " Hz");
        }
        this.bins = fftSize / 2 + 1;
        this.mels = mels;
        this.weights = new float[mels * bins];
        double lowMel = hzToMel(fMin);
        double highMel = hzToMel(fMax);
        double[] edges = new double[mels + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(lowMel + (highMel - lowMel) * i / (mels + 1));
        }
        for (int m = 0; m < mels; m++) {
            double norm = 2.0 / (edges[m + 2] - edges[m]);
            for (int k = 0; k < bins; k++) {
                double f = (double) k * sampleRate / fftSize;
                double lower = (f - edges[m]) / (edges[m + 1] - edges[m]);
                double upper = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                weights[m * bins + k] = (float) (Math.max(0, Math.min(lower, upper)) * norm);
            }
        }
    }

    /** Slaney's mel scale of {@code hz}. */
    public static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    /** The frequency in Hz of {@code mel} on Slaney's scale. */
    public static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    public int bins() {
        return bins;
    }

    public int mels() {
        return mels;
    }

    /** Weight of FFT bin {@code bin} in filter {@code mel}. */
    public float weight(int mel, int bin) {
        return weights[mel * bins + bin];
    }

    /** The weights as a (bins, mels) row-major matrix: power (.., bins) times it is mel power (.., mels). */
    public float[] binsByMels() {
        float[] out = new float[weights.length];
        for (int m = 0; m < mels; m++) {
            for (int k = 0; k < bins; k++) {
                out[k * mels + m] = weights[m * bins + k];
            }
        }
        return out;
    }
}
