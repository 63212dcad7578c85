package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.autodidact.learner.modality.PatchEncoder;
import dev.autodidact.learner.model.PatchTransformer;
import dev.autodidact.learner.model.SinCosPositions;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code audio-vit} architecture: the image ViT's {@link PatchTransformer} over {@code p x p} patches of a
 * one-channel log-mel spectrogram, a rectangular grid of {@code M/p} rows (mel) by {@code F/p} columns (frames), as
 * Audio-MAE (Huang et al. 2022) cuts its spectrograms; the patches are numbered row-major over (mel, frame). Its
 * canonical grid is that of the training views, {@code frames} frames (a multiple of {@code p}), which MAE's masks
 * refer to; the plain forward pass also takes other lengths (with the sine-cosine positions of their grid), so a full
 * canonical clip is embedded whole: its log-mel, like any input, is cut to a multiple of {@code p} frames.
 *
 * @param sampleRate samples per second of the canonical clip
 * @param clipSamples samples of the canonical clip
 * @param fftSize samples per log-mel frame
 * @param hopLength samples between frames
 * @param mels mel bands M, a multiple of {@code patchSize}
 * @param frames frames of the training views, a multiple of {@code patchSize}
 * @param patchSize side p of a square patch
 * @param dim token width, a multiple of 4 and of {@code heads}
 * @param depth Transformer blocks
 * @param heads attention heads per block
 * @param mlpRatio MLP hidden units per token dimension
 * @param mean subtracted from each log-mel value
 * @param std divides each log-mel value
 */
public record AudioVitEncoderSpec(
        int sampleRate,
        int clipSamples,
        int fftSize,
        int hopLength,
        int mels,
        int frames,
        int patchSize,
        int dim,
        int depth,
        int heads,
        int mlpRatio,
        float mean,
        float std)
        implements PatchEncoder, SpectrogramInput {
    /** The manifest's {@code encoder} value for this architecture. */
    public static final String NAME = "audio-vit";

    /** Caps on what a manifest may ask for, checked before any network is built. */
    public static final int MAX_PATCHES = 4096;

    public static final int MAX_DIM = 4096;
    public static final int MAX_DEPTH = 48;
    public static final int MAX_HEADS = 64;
    public static final int MAX_MLP_RATIO = 16;
    /** Most weights a manifest may ask for (1 GiB of floats). */
    public static final long MAX_PARAMETERS = 1L << 28;

    public AudioVitEncoderSpec {
        SpectrogramInput.check(sampleRate, clipSamples, fftSize, hopLength, mels, mean, std);
        if (patchSize < 1
                || mels % patchSize != 0
                || frames < patchSize
                || frames % patchSize != 0
                || (long) (mels / patchSize) * (frames / patchSize) > MAX_PATCHES
                || dim < 4
                || dim > MAX_DIM
                || dim % 4 != 0
                || depth < 1
                || depth > MAX_DEPTH
                || heads < 1
                || heads > MAX_HEADS
                || dim % heads != 0
                || mlpRatio < 1
                || mlpRatio > MAX_MLP_RATIO) {
            throw new IllegalArgumentException("Invalid audio ViT spec: " + mels + " mels x " + frames
                    + " frames, patch "
                    + patchSize + ", dim " + dim + ", depth " + depth + ", heads " + heads + ", MLP ratio " + mlpRatio
                    + " (mels and frames multiples of the patch, dim a multiple of 4 and of heads; caps: " + MAX_PATCHES
                    + " patches, dim " + MAX_DIM + ", depth " + MAX_DEPTH + ", heads " + MAX_HEADS + ", MLP ratio "
                    + MAX_MLP_RATIO + ")");
        }
        if (LogMelSpectrograms.of(sampleRate, fftSize, hopLength, mels).frames(clipSamples) < patchSize) {
            throw new IllegalArgumentException("A canonical clip of " + clipSamples
                    + " samples has fewer frames than a " + patchSize + "-frame patch");
        }
        long weights = (long) depth * (4L + 2 * mlpRatio) * dim * dim + (long) patchSize * patchSize * dim;
        if (weights > MAX_PARAMETERS) {
            throw new IllegalArgumentException(
                    "Audio ViT spec asks for about " + weights + " weights, more than the cap of " + MAX_PARAMETERS);
        }
    }

    /** The contract's log-mel (n_fft 400, hop 160) with the FSDD normalisation. */
    public static AudioVitEncoderSpec of(
            int sampleRate,
            int clipSamples,
            int mels,
            int frames,
            int patchSize,
            int dim,
            int depth,
            int heads,
            int mlpRatio) {
        return new AudioVitEncoderSpec(
                sampleRate,
                clipSamples,
                Spectrograms.DEFAULT_FFT_SIZE,
                Spectrograms.DEFAULT_HOP_LENGTH,
                mels,
                frames,
                patchSize,
                dim,
                depth,
                heads,
                mlpRatio,
                Spectrograms.FSDD_MEAN,
                Spectrograms.FSDD_STD);
    }

    /** Patch rows (mel). */
    public int gridRows() {
        return mels / patchSize;
    }

    /** Patch columns (frames) of the canonical grid. */
    public int gridCols() {
        return frames / patchSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The mean of the final token states: {@link #dim()}. */
    @Override
    public int featureDim() {
        return dim;
    }

    @Override
    public Block network() {
        return new PatchTransformer(
                new PatchTransformer.Layout(gridRows(), gridCols(), patchSize, dim, depth, heads, mlpRatio, true));
    }

    /** (n, 1, M, frames): the training views' grid. */
    @Override
    public Shape inputShape(int n) {
        return new Shape(n, 1, mels, frames);
    }

    /** Whole patches only: the frames past the last multiple of the patch side are dropped. */
    @Override
    public int keptFrames(int inputFrames) {
        return inputFrames - inputFrames % patchSize;
    }

    /**
     * A canonical view must give the canonical grid (frames to frames + p - 1, cut to frames), which MAE's masks refer
     * to; other views at least one patch.
     */
    @Override
    public void checkFrames(int inputFrames, boolean canonical) {
        boolean fits =
                canonical ? keptFrames(inputFrames) == frames : inputFrames >= patchSize && inputFrames <= maxFrames();
        if (!fits) {
            throw new IllegalArgumentException("Spectrogram has " + inputFrames + " frames, the ViT takes "
                    + (canonical ? frames + " to " + (frames + patchSize - 1) : patchSize + " to " + maxFrames()));
        }
    }

    @Override
    public int patchCount() {
        return gridRows() * gridCols();
    }

    @Override
    public int patchValues() {
        return patchSize * patchSize;
    }

    /** (N, 1, M, frames) to (N, P, p * p): row-major patches over (mel, frame), each row-major over (mel, frame). */
    @Override
    public NDArray patches(NDArray inputs) {
        long n = inputs.getShape().get(0);
        int rows = gridRows();
        int cols = gridCols();
        return inputs.reshape(n, 1, rows, patchSize, cols, patchSize)
                .transpose(0, 2, 4, 3, 5, 1)
                .reshape(n, (long) rows * cols, patchValues());
    }

    @Override
    public float[] positions(int width) {
        return SinCosPositions.grid(gridRows(), gridCols(), width);
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(ENCODER, NAME);
        putSpectrogram(m);
        m.put("encoder.frames", Integer.toString(frames));
        m.put("encoder.patch.size", Integer.toString(patchSize));
        m.put("encoder.dim", Integer.toString(dim));
        m.put("encoder.depth", Integer.toString(depth));
        m.put("encoder.heads", Integer.toString(heads));
        m.put("encoder.mlp.ratio", Integer.toString(mlpRatio));
        return m;
    }

    /** @throws IllegalArgumentException if a value is missing, too long, not a number or over its cap */
    public static AudioVitEncoderSpec fromMap(Map<String, String> m) {
        return new AudioVitEncoderSpec(
                ManifestEntries.integer(m, "encoder.sample.rate"),
                ManifestEntries.integer(m, "encoder.clip.samples"),
                ManifestEntries.integer(m, "encoder.fft.size"),
                ManifestEntries.integer(m, "encoder.hop.length"),
                ManifestEntries.integer(m, "encoder.mels"),
                ManifestEntries.integer(m, "encoder.frames"),
                ManifestEntries.integer(m, "encoder.patch.size"),
                ManifestEntries.integer(m, "encoder.dim"),
                ManifestEntries.integer(m, "encoder.depth"),
                ManifestEntries.integer(m, "encoder.heads"),
                ManifestEntries.integer(m, "encoder.mlp.ratio"),
                ManifestEntries.decimal(m, "encoder.mean"),
                ManifestEntries.decimal(m, "encoder.std"));
    }
}
