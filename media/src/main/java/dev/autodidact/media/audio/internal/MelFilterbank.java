package dev.autodidact.media.audio.internal;

/**
 * The Slaney-style mel filterbank, as librosa builds it by default ({@code librosa.filters.mel} with
 * {@code htk=False, norm="slaney"}): triangles whose corners are {@code nMels + 2} points evenly spaced on the Slaney
 * mel scale (linear below 1 kHz, logarithmic above; Slaney's Auditory Toolbox), each scaled by
 * {@code 2 / (upper - lower corner in Hz)} so that every triangle has the same area and a wide high band does not
 * count more energy than a narrow low one.
 */
public final class MelFilterbank {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private MelFilterbank() {}

    /** @return {@code hz} on the Slaney mel scale */
    public static double melOf(double hz) {
        return hz < MIN_LOG_HZ ? hz / F_SP : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
    }

    /** @return the frequency in Hz of {@code mel} on the Slaney scale */
    public static double hzOf(double mel) {
        return mel < MIN_LOG_MEL ? mel * F_SP : MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
    }

    /**
     * @return the {@code nMels + 2} corner frequencies in Hz, evenly spaced in mel from {@code fmin} to {@code fmax}:
     *     band {@code m} rises from corner {@code m}, peaks at {@code m + 1} and falls to {@code m + 2}
     */
    public static double[] corners(int nMels, double fmin, double fmax) {
        double low = melOf(fmin);
        double high = melOf(fmax);
        double[] hz = new double[nMels + 2];
        for (int i = 0; i < hz.length; i++) {
            hz[i] = hzOf(low + (high - low) * i / (nMels + 1));
        }
        return hz;
    }

    /**
     * @param sampleRate the signal's rate
     * @param nFft the FFT length: bin {@code k} is at {@code k * sampleRate / nFft} Hz
     * @param nMels bands
     * @param fmin lowest corner in Hz
     * @param fmax highest corner in Hz
     * @return the weights, {@code [nMels][nFft / 2 + 1]}
     */
    public static float[][] weights(int sampleRate, int nFft, int nMels, double fmin, double fmax) {
        double[] corners = corners(nMels, fmin, fmax);
        int bins = nFft / 2 + 1;
        float[][] weights = new float[nMels][bins];
        for (int m = 0; m < nMels; m++) {
            double lower = corners[m];
            double centre = corners[m + 1];
            double upper = corners[m + 2];
            double norm = 2.0 / (upper - lower);
            for (int k = 0; k < bins; k++) {
                double f = (double) k * sampleRate / nFft;
                double rising = (f - lower) / (centre - lower);
                double falling = (upper - f) / (upper - centre);
                weights[m][k] = (float) (norm * Math.max(0, Math.min(rising, falling)));
            }
        }
        return weights;
    }
}
