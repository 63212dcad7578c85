package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.Map;

/**
 * What the spectrogram encoders share on their input side: the log-mel definition (sample rate, FFT size, hop, mel
 * bands), the canonical clip length, and a fixed affine normalisation of the log-mel values. Both kinds of input arrays
 * become the same normalised float (N, 1, M, F): the stream-app's log-mel views (f32 {@code [1, M, F]}) as they are,
 * canonical clips (i16 {@code [T]}) through {@link Spectrograms}, so that the embedder and eval see the features
 * training saw.
 */
interface SpectrogramInput extends EncoderArchitecture {
    /** The longest clip a manifest or an example may ask for, in seconds. */
    int MAX_CLIP_SECONDS = 60;
    /** The highest sample rate a manifest may ask for. */
    int MAX_SAMPLE_RATE = 192_000;

    int sampleRate();

    /** Samples of the canonical clip, T. */
    int clipSamples();

    int fftSize();

    int hopLength();

    int mels();

    /** Subtracted from every log-mel value. */
    float mean();

    /** Divides every log-mel value after the mean is subtracted. */
    float std();

    /** The log-mel features of canonical clips. */
    default Spectrograms spectrograms() {
        return LogMelSpectrograms.of(sampleRate(), fftSize(), hopLength(), mels());
    }

    /** Frames of the canonical clip's spectrogram. */
    default int clipFrames() {
        return spectrograms().frames(clipSamples());
    }

    /** Frames of the longest spectrogram accepted. */
    default int maxFrames() {
        return spectrograms().frames(MAX_CLIP_SECONDS * sampleRate());
    }

    /** Frames the network gets of a spectrogram of {@code frames} frames (all of them unless it needs fewer). */
    default int keptFrames(int frames) {
        return frames;
    }

    /** @throws IllegalArgumentException unless a log-mel view of {@code frames} frames is an input of the network */
    void checkFrames(int frames, boolean canonical);

    @Override
    default Modality modality() {
        return Modality.AUDIO;
    }

    /**
     * Canonical clips, i16 {@code [T]}, or log-mel views, f32 {@code [1, M, F]}, all of one shape, as normalised float
     * (N, 1, M, F') with F' = {@link #keptFrames} of F.
     */
    @Override
    default NDArray input(NDManager manager, List<Tensor> arrays) {
        NDArray logMel;
        if (arrays.get(0).dtype() == DType.I16) {
            logMel = spectrograms()
                    .logMel(manager, arrays.stream().map(Pcm16::samples).toList())
                    .expandDims(1);
        } else {
            arrays.forEach(a -> checkView(a, false));
            logMel = Collator.stack(manager, arrays);
        }
        long frames = logMel.getShape().get(3);
        int kept = keptFrames((int) frames);
        if (kept < frames) {
            logMel = logMel.get(":, :, :, :{}", kept);
        }
        return logMel.sub(mean()).div(std());
    }

    /**
     * A canonical clip, i16 {@code [T]} (T = {@link #clipSamples()} when canonical, at least one frame and at most
     * {@link #MAX_CLIP_SECONDS} otherwise), or a log-mel view, f32 {@code [1, M, F]} with F as {@link #checkFrames}
     * allows.
     */
    @Override
    default void checkInput(Tensor array, boolean canonical) {
        if (array.dtype() == DType.I16) {
            Pcm16.check(array);
            int samples = array.dim(0);
            if (canonical && samples != clipSamples()) {
                throw new IllegalArgumentException(
                        "Clip has " + samples + " samples, the encoder takes " + clipSamples());
            }
            if (samples < fftSize() || samples > MAX_CLIP_SECONDS * sampleRate()) {
                throw new IllegalArgumentException("Clip has " + samples + " samples, expected between " + fftSize()
                        + " and " + MAX_CLIP_SECONDS * sampleRate());
            }
        } else {
            checkView(array, canonical);
        }
    }

    private void checkView(Tensor array, boolean canonical) {
        if (array.dtype() != DType.F32 || array.rank() != 3 || array.dim(0) != 1 || array.dim(1) != mels()) {
            throw new IllegalArgumentException(
                    "Expected 16-bit PCM, I16 [T], or a log-mel spectrogram, F32 [1, " + mels() + ", F], got " + array);
        }
        checkFrames(array.dim(2), canonical);
    }

    /** Adds the log-mel definition and the normalisation to manifest entries. */
    default void putSpectrogram(Map<String, String> m) {
        m.put("encoder.sample.rate", Integer.toString(sampleRate()));
        m.put("encoder.clip.samples", Integer.toString(clipSamples()));
        m.put("encoder.fft.size", Integer.toString(fftSize()));
        m.put("encoder.hop.length", Integer.toString(hopLength()));
        m.put("encoder.mels", Integer.toString(mels()));
        m.put("encoder.mean", Float.toString(mean()));
        m.put("encoder.std", Float.toString(std()));
    }

    /**
     * @throws IllegalArgumentException unless the log-mel definition, the clip and the normalisation are within their
     *     caps and consistent
     */
    static void check(int sampleRate, int clipSamples, int fftSize, int hopLength, int mels, float mean, float std) {
        if (sampleRate < 1000
                || sampleRate > MAX_SAMPLE_RATE
                || fftSize < 2
                || fftSize > LogMelSpectrograms.MAX_FFT_SIZE
                || hopLength < 1
                || hopLength > fftSize
                || mels < 1
                || mels > LogMelSpectrograms.MAX_MELS
                || mels > fftSize / 2 + 1
                || clipSamples < fftSize
                || (long) clipSamples > (long) MAX_CLIP_SECONDS * sampleRate
                || !Float.isFinite(mean)
                || !(std > 0)
                || !Float.isFinite(std)) {
            throw new IllegalArgumentException("Invalid log-mel input: rate " + sampleRate + ", clip " + clipSamples
                    + " samples, FFT " + fftSize + ", hop " + hopLength + ", " + mels + " mels, mean " + mean
                    + ", std " + std + " (rate 1000.." + MAX_SAMPLE_RATE + ", FFT at most "
                    + LogMelSpectrograms.MAX_FFT_SIZE + ", hop at most the FFT, at most "
                    + LogMelSpectrograms.MAX_MELS + " mels and no more than FFT bins, the clip one frame to "
                    + MAX_CLIP_SECONDS + " s, std positive)");
        }
    }
}
