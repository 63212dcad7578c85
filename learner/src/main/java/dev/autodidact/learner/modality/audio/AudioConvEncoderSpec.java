package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code audio-conv} architecture, a spectrogram CNN ({@link AudioConvEncoder}): the default encoder of the
 * two-view methods on audio (SimCLR as in COLA, BYOL as in BYOL-A). It takes log-mel views of any length from its
 * pooling minimum up to {@link SpectrogramInput#MAX_CLIP_SECONDS} (crops train it, full clips are embedded) and
 * canonical clips, whose log-mel it computes; both are normalised by the fixed affine {@code (x - mean) / std}.
 *
 * @param sampleRate samples per second of the canonical clip
 * @param clipSamples samples of the canonical clip
 * @param fftSize samples per log-mel frame
 * @param hopLength samples between frames
 * @param mels mel bands M
 * @param widths channels of each stage; each stage but the last halves mel bands and frames
 * @param mean subtracted from each log-mel value
 * @param std divides each log-mel value
 */
public record AudioConvEncoderSpec(
        int sampleRate, int clipSamples, int fftSize, int hopLength, int mels, int[] widths, float mean, float std)
        implements SpectrogramInput {
    /** The manifest's {@code encoder} value for this architecture. */
    public static final String NAME = "audio-conv";
    /** Caps on what a manifest may ask for, checked before any network is built. */
    public static final int MAX_STAGES = 8;

    public static final int MAX_WIDTH = 4096;

    public AudioConvEncoderSpec {
        SpectrogramInput.check(sampleRate, clipSamples, fftSize, hopLength, mels, mean, std);
        if (widths.length == 0
                || widths.length > MAX_STAGES
                || Arrays.stream(widths).anyMatch(w -> w < 1 || w > MAX_WIDTH)) {
            throw new IllegalArgumentException("Invalid audio conv encoder widths " + Arrays.toString(widths)
                    + " (1 to " + MAX_STAGES + " stages of 1 to " + MAX_WIDTH + " channels)");
        }
        int minSide = AudioConvEncoder.minSide(widths.length);
        if (mels < minSide
                || LogMelSpectrograms.of(sampleRate, fftSize, hopLength, mels).frames(clipSamples) < minSide) {
            throw new IllegalArgumentException("The canonical spectrogram (" + mels + " mels of a " + clipSamples
                    + "-sample clip) is smaller than the " + minSide + " bins " + widths.length + " stages pool down");
        }
        widths = widths.clone();
    }

    /** The contract's log-mel (n_fft 400, hop 160) with the FSDD normalisation. */
    public static AudioConvEncoderSpec of(int sampleRate, int clipSamples, int mels, int[] widths) {
        return new AudioConvEncoderSpec(
                sampleRate,
                clipSamples,
                Spectrograms.DEFAULT_FFT_SIZE,
                Spectrograms.DEFAULT_HOP_LENGTH,
                mels,
                widths,
                Spectrograms.FSDD_MEAN,
                Spectrograms.FSDD_STD);
    }

    /** A copy of the stage widths. */
    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The last stage's width. */
    @Override
    public int featureDim() {
        return widths[widths.length - 1];
    }

    @Override
    public Block network() {
        return AudioConvEncoder.build(widths);
    }

    /** (n, 1, M, F) of the canonical clip. */
    @Override
    public Shape inputShape(int n) {
        return new Shape(n, 1, mels, clipFrames());
    }

    /** Any number of frames from the pooling minimum to the cap, canonical or not. */
    @Override
    public void checkFrames(int frames, boolean canonical) {
        int min = AudioConvEncoder.minSide(widths.length);
        if (frames < min || frames > maxFrames()) {
            throw new IllegalArgumentException(
                    "Spectrogram has " + frames + " frames, the encoder takes " + min + " to " + maxFrames());
        }
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(ENCODER, NAME);
        putSpectrogram(m);
        m.put("encoder.widths", ManifestEntries.join(widths));
        return m;
    }

    /** @throws IllegalArgumentException if a value is missing, too long, not a number or over its cap */
    public static AudioConvEncoderSpec fromMap(Map<String, String> m) {
        return new AudioConvEncoderSpec(
                ManifestEntries.integer(m, "encoder.sample.rate"),
                ManifestEntries.integer(m, "encoder.clip.samples"),
                ManifestEntries.integer(m, "encoder.fft.size"),
                ManifestEntries.integer(m, "encoder.hop.length"),
                ManifestEntries.integer(m, "encoder.mels"),
                ManifestEntries.integers(m, "encoder.widths"),
                ManifestEntries.decimal(m, "encoder.mean"),
                ManifestEntries.decimal(m, "encoder.std"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioConvEncoderSpec e && e.toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "AudioConvEncoderSpec" + toMap();
    }
}
