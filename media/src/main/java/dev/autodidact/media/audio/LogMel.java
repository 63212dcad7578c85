package dev.autodidact.media.audio;

import dev.autodidact.media.audio.internal.MelFilterbank;
import java.util.Arrays;
import java.util.Objects;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Log-mel spectrogram: the input of the spectrogram encoders and of the raw-feature baseline. Per frame: multiply by a
 * periodic Hann window, take the power spectrum {@code |FFT|^2} (JTransforms' real FFT, any length), weight it by the
 * Slaney mel filterbank (librosa's default: area-normalised triangles on the Slaney mel scale), and take the natural
 * logarithm of {@code max(power, logFloor)}. Frames are not centred or padded ({@code center=False}): frame {@code f}
 * covers samples {@code [f * hop, f * hop + nFft)}, so there are {@code 1 + (T - nFft) / hop} of them
 * ({@link LogMelSpec#frames}) and every frame holds only real signal. The result matches
 * {@code np.log(np.maximum(librosa.feature.melspectrogram(y=x, sr=sr, n_fft=nFft, hop_length=hop, n_mels=nMels,
 * fmin=fmin, fmax=fmax, center=False, power=2.0), logFloor))} up to float rounding.
 *
 * <p>Immutable and thread-safe: the window, the filterbank (kept as each band's non-zero span) and the FFT's tables are
 * computed once and only read afterwards; each call works on arrays of its own. JTransforms runs FFTs shorter than
 * 8192 points on the calling thread; at the cap of 8192 it may split one over its own small thread pool.
 */
public final class LogMel {
    private final LogMelSpec spec;
    private final float[] window;
    private final float[][] bands;
    private final int[] firstBin;
    private final FloatFFT_1D fft;

    /** @param spec the parameters */
    public LogMel(LogMelSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.window = hann(spec.nFft());
        float[][] weights =
                MelFilterbank.weights(spec.sampleRate(), spec.nFft(), spec.nMels(), spec.fmin(), spec.fmax());
        this.bands = new float[weights.length][];
        this.firstBin = new int[weights.length];
        for (int m = 0; m < weights.length; m++) {
            int first = 0;
            while (first < weights[m].length && weights[m][first] == 0) {
                first++;
            }
            int last = weights[m].length;
            while (last > first && weights[m][last - 1] == 0) {
                last--;
            }
            firstBin[m] = first;
            bands[m] = Arrays.copyOfRange(weights[m], first, last);
        }
        this.fft = new FloatFFT_1D(spec.nFft());
    }

    /** @return the parameters */
    public LogMelSpec spec() {
        return spec;
    }

    /**
     * @param samples a clip at {@link LogMelSpec#sampleRate()}, at least {@code nFft} samples; not modified
     * @return the log-mel spectrogram, {@code [nMels][frames]}
     * @throws IllegalArgumentException if the clip is shorter than one frame
     */
    public float[][] apply(float[] samples) {
        int frames = spec.frames(samples.length);
        if (frames == 0) {
            throw new IllegalArgumentException(
                    "A log-mel frame takes " + spec.nFft() + " samples, the clip has only " + samples.length);
        }
        float[][] out = new float[spec.nMels()][frames];
        float[] buffer = new float[spec.nFft()];
        float[] power = new float[spec.bins()];
        float floor = (float) spec.logFloor();
        for (int f = 0; f < frames; f++) {
            int start = f * spec.hop();
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = samples[start + i] * window[i];
            }
            fft.realForward(buffer);
            powerSpectrum(buffer, power);
            for (int m = 0; m < bands.length; m++) {
                float[] band = bands[m];
                int first = firstBin[m];
                float sum = 0;
                for (int k = 0; k < band.length; k++) {
                    sum += band[k] * power[first + k];
                }
                out[m][f] = (float) Math.log(Math.max(sum, floor));
            }
        }
        return out;
    }

    /**
     * @param samples a clip, as for {@link #apply}
     * @return {@link #apply} flattened row-major: band {@code m}, frame {@code f} at {@code m * frames + f}; the data
     *     of an array of shape {@code [nMels, frames]}
     */
    public float[] applyFlat(float[] samples) {
        return flatten(apply(samples));
    }

    /**
     * @param spectrogram {@code [rows][columns]}, every row of the same length
     * @return its values row-major
     */
    public static float[] flatten(float[][] spectrogram) {
        int columns = spectrogram[0].length;
        float[] out = new float[spectrogram.length * columns];
        for (int m = 0; m < spectrogram.length; m++) {
            System.arraycopy(spectrogram[m], 0, out, m * columns, columns);
        }
        return out;
    }

    /** Unpacks JTransforms' in-place real FFT layout into {@code |X_k|^2} for {@code k = 0 .. n/2}. */
    private void powerSpectrum(float[] packed, float[] power) {
        int n = packed.length;
        power[0] = packed[0] * packed[0];
        int half = (n - 1) / 2;
        for (int k = 1; k <= half; k++) {
            float re = packed[2 * k];
            float im = k == half && n % 2 == 1 ? packed[1] : packed[2 * k + 1];
            power[k] = re * re + im * im;
        }
        if (n % 2 == 0) {
            power[n / 2] = packed[1] * packed[1];
        }
    }

    /**
     * @return the filterbank, {@code [nMels][nFft / 2 + 1]}: band {@code m}'s weight on frequency bin {@code k}
     */
    public float[][] filterbank() {
        float[][] dense = new float[bands.length][spec.bins()];
        for (int m = 0; m < bands.length; m++) {
            System.arraycopy(bands[m], 0, dense[m], firstBin[m], bands[m].length);
        }
        return dense;
    }

    /** @return each band's centre (peak) frequency in Hz, increasing */
    public double[] centreFrequencies() {
        double[] corners = MelFilterbank.corners(spec.nMels(), spec.fmin(), spec.fmax());
        return Arrays.copyOfRange(corners, 1, corners.length - 1);
    }

    /** The periodic Hann window, {@code 0.5 - 0.5 cos(2 pi i / n)}: what spectral analysis (and librosa) use. */
    private static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }
}
