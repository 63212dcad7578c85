package dev.autodidact.media.audio;

/**
 * The parameters of a log-mel spectrogram ({@link LogMel}), with the defaults of speech work at 16 kHz: a 25 ms window
 * ({@code nFft} 400), a 10 ms hop (160), 64 mel bands over the whole band, and a floor of {@code 1e-10} under the
 * logarithm, so silence gives a finite value ({@code ln 1e-10}, about -23) rather than minus infinity.
 *
 * @param sampleRate the clip's rate, in {@code [1, MAX_SAMPLE_RATE]}
 * @param nFft window and FFT length in samples, in {@code [2, MAX_N_FFT]}
 * @param hop samples between the starts of successive frames, in {@code [1, MAX_N_FFT]}
 * @param nMels mel bands, in {@code [1, MAX_MELS]}
 * @param fmin lowest frequency of the filterbank in Hz, at least 0
 * @param fmax highest frequency of the filterbank in Hz, above {@code fmin}, at most {@code sampleRate / 2}
 * @param logFloor the smallest power the logarithm sees, positive
 */
public record LogMelSpec(int sampleRate, int nFft, int hop, int nMels, double fmin, double fmax, double logFloor) {
    /** 400 samples: 25 ms at 16 kHz. */
    public static final int DEFAULT_N_FFT = 400;
    /** 160 samples: 10 ms at 16 kHz. */
    public static final int DEFAULT_HOP = 160;
    /** 64 mel bands. */
    public static final int DEFAULT_MELS = 64;
    /** {@code 1e-10}, librosa's {@code amin}. */
    public static final double DEFAULT_LOG_FLOOR = 1e-10;
    /** Longest FFT. */
    public static final int MAX_N_FFT = 8_192;
    /** Most mel bands. */
    public static final int MAX_MELS = 256;
    /** Highest sample rate. */
    public static final int MAX_SAMPLE_RATE = AudioLimits.DEFAULT_MAX_SAMPLE_RATE;

    /** Checks every parameter against its range. */
    public LogMelSpec {
        check("The sample rate", sampleRate, 1, MAX_SAMPLE_RATE);
        check("n_fft", nFft, 2, MAX_N_FFT);
        check("The hop", hop, 1, MAX_N_FFT);
        check("The number of mel bands", nMels, 1, MAX_MELS);
        if (!(fmin >= 0 && fmin < fmax && fmax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("The mel band must satisfy 0 <= fmin < fmax <= sampleRate / 2 = "
                    + sampleRate / 2.0 + ", got " + fmin + ".." + fmax);
        }
        if (!(logFloor > 0) || Double.isInfinite(logFloor)) {
            throw new IllegalArgumentException("The log floor must be positive and finite, got " + logFloor);
        }
    }

    /**
     * @param sampleRate the clip's rate
     * @return the defaults at that rate: {@code nFft} 400, hop 160, 64 bands from 0 to {@code sampleRate / 2}
     */
    public static LogMelSpec defaults(int sampleRate) {
        return of(sampleRate, DEFAULT_N_FFT, DEFAULT_HOP, DEFAULT_MELS);
    }

    /**
     * @return a spec over the whole band, 0 to {@code sampleRate / 2}, with the default log floor
     */
    public static LogMelSpec of(int sampleRate, int nFft, int hop, int nMels) {
        return new LogMelSpec(sampleRate, nFft, hop, nMels, 0.0, sampleRate / 2.0, DEFAULT_LOG_FLOOR);
    }

    /** @return the frequency bins of one frame's spectrum, {@code nFft / 2 + 1} */
    public int bins() {
        return nFft / 2 + 1;
    }

    /**
     * Frames are not centred (librosa's {@code center=False}): frame {@code f} covers samples
     * {@code [f * hop, f * hop + nFft)}, and no frame reaches past the end.
     *
     * @param samples the clip's length
     * @return the frames of a clip of that length: {@code 1 + (samples - nFft) / hop}, or 0 if shorter than
     *     {@code nFft}
     */
    public int frames(int samples) {
        return samples < nFft ? 0 : 1 + (samples - nFft) / hop;
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
