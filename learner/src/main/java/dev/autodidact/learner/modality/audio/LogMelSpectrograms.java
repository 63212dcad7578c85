package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.media.audio.LogMel;
import dev.autodidact.media.audio.LogMelSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The {@link Spectrograms} definition in plain Java and the engine: each frame's power spectrum by a real FFT
 * (JTransforms, in double), then media's mel filterbank ({@link LogMel}, the stream-app's) applied to all frames of
 * the batch as one matrix product on the engine,
 * (N F, bins) x (bins, M), and the floored natural log. Instances are immutable and thread-safe, and shared per
 * parameter set ({@link #of}).
 */
public final class LogMelSpectrograms implements Spectrograms {
    /** Mel power below this is floored before the log: log(1e-10) = -23.03 is the value of silence. */
    public static final float FLOOR = 1e-10f;

    /** Caps on the parameters a manifest may ask for. */
    public static final int MAX_FFT_SIZE = 8192;

    public static final int MAX_MELS = 512;

    /** Parameter sets kept for sharing; others (a manifest asking for unusual ones) get an instance of their own. */
    private static final int MAX_SHARED = 16;

    private static final Map<List<Integer>, LogMelSpectrograms> SHARED = new ConcurrentHashMap<>();

    private final int fftSize;
    private final int hopLength;
    private final int bins;
    private final int mels;
    private final double[] window;
    private final float[] filterbank;

    /**
     * @param sampleRate samples per second
     * @param fftSize samples per frame, also the FFT length
     * @param hopLength samples between frame starts
     * @param mels mel bands, from 0 Hz to half the sample rate
     */
    public LogMelSpectrograms(int sampleRate, int fftSize, int hopLength, int mels) {
        if (fftSize < 2
                || fftSize > MAX_FFT_SIZE
                || hopLength < 1
                || hopLength > fftSize
                || mels < 1
                || mels > MAX_MELS) {
            throw new IllegalArgumentException("Invalid log-mel parameters: FFT " + fftSize + ", hop " + hopLength
                    + ", " + mels + " mels (FFT at most " + MAX_FFT_SIZE + ", hop at most the FFT, at most " + MAX_MELS
                    + " mels)");
        }
        this.fftSize = fftSize;
        this.hopLength = hopLength;
        this.bins = fftSize / 2 + 1;
        this.mels = mels;
        this.window = new double[fftSize];
        for (int n = 0; n < fftSize; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / fftSize);
        }
        this.filterbank = binsByMels(new LogMel(LogMelSpec.of(sampleRate, fftSize, hopLength, mels)).filterbank());
    }

    /**
     * Media's filterbank ({@link LogMel#filterbank()}, the one the stream-app's views are made with), laid out as the
     * (bins, mels) right-hand side of the engine's product.
     */
    private static float[] binsByMels(float[][] melsByBins) {
        int bands = melsByBins.length;
        int bins = melsByBins[0].length;
        float[] out = new float[bins * bands];
        for (int m = 0; m < bands; m++) {
            for (int k = 0; k < bins; k++) {
                out[k * bands + m] = melsByBins[m][k];
            }
        }
        return out;
    }

    /** The shared instance for these parameters. */
    public static LogMelSpectrograms of(int sampleRate, int fftSize, int hopLength, int mels) {
        List<Integer> key = List.of(sampleRate, fftSize, hopLength, mels);
        LogMelSpectrograms shared = SHARED.get(key);
        if (shared != null) {
            return shared;
        }
        LogMelSpectrograms created = new LogMelSpectrograms(sampleRate, fftSize, hopLength, mels);
        if (SHARED.size() < MAX_SHARED) {
            SHARED.putIfAbsent(key, created);
        }
        return created;
    }

    @Override
    public int mels() {
        return mels;
    }

    @Override
    public int frames(int samples) {
        return samples < fftSize ? 0 : 1 + (samples - fftSize) / hopLength;
    }

    @Override
    public NDArray logMel(NDManager manager, List<short[]> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("No clips");
        }
        int samples = clips.get(0).length;
        int frames = frames(samples);
        if (frames < 1) {
            throw new IllegalArgumentException(
                    "A clip of " + samples + " samples is shorter than one " + fftSize + "-sample frame");
        }
        float[] power = new float[Math.multiplyExact(Math.multiplyExact(clips.size(), frames), bins)];
        DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
        double[] frame = new double[fftSize];
        for (int c = 0; c < clips.size(); c++) {
            short[] pcm = clips.get(c);
            if (pcm.length != samples) {
                throw new IllegalArgumentException(
                        "Clips of one batch differ in length: " + pcm.length + " and " + samples + " samples");
            }
            for (int f = 0; f < frames; f++) {
                powerSpectrum(fft, pcm, f * hopLength, frame, power, (c * frames + f) * bins);
            }
        }
        NDArray spectra = manager.create(power, new Shape((long) clips.size() * frames, bins));
        NDArray melPower = spectra.matMul(manager.create(filterbank, new Shape(bins, mels)));
        return melPower.maximum(FLOOR).log().reshape(clips.size(), frames, mels).transpose(0, 2, 1);
    }

    /** |FFT|^2 of the windowed frame of {@code pcm} starting at {@code start}, written to {@code out} at {@code at}. */
    private void powerSpectrum(DoubleFFT_1D fft, short[] pcm, int start, double[] frame, float[] out, int at) {
        for (int n = 0; n < fftSize; n++) {
            frame[n] = pcm[start + n] * (double) Pcm16.SCALE * window[n];
        }
        fft.realForward(frame);
        // realForward packs the spectrum: a[0] = Re X_0, a[2k], a[2k+1] = X_k below n/2; for even n a[1] = Re X_(n/2),
        // for odd n a[n-1], a[1] = X_((n-1)/2).
        out[at] = (float) (frame[0] * frame[0]);
        for (int k = 1; k < fftSize / 2; k++) {
            double re = frame[2 * k];
            double im = frame[2 * k + 1];
            out[at + k] = (float) (re * re + im * im);
        }
        if (fftSize % 2 == 0) {
            out[at + fftSize / 2] = (float) (frame[1] * frame[1]);
        } else {
            double re = frame[fftSize - 1];
            double im = frame[1];
            out[at + fftSize / 2] = (float) (re * re + im * im);
        }
    }
}
