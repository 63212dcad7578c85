package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.FrameEncoder;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code audio-waveform} architecture ({@link AudioWaveformEncoder}): a convolutional feature encoder on the raw
 * waveform and a context network over its latent frames, the {@link FrameEncoder} of CPC (GRU context, causal) and
 * wav2vec 2.0 (Transformer context, bidirectional). It takes waveform views, f32 {@code [T]} of about [-1, 1], of any
 * length from one latent frame up to {@link #MAX_CLIP_SECONDS}, and canonical clips, i16 {@code [T]}, scaled by
 * {@link Pcm16#SCALE}; no further normalisation. The published representation is the mean over time of the context
 * network's output, (N, {@code contextDim}).
 *
 * @param sampleRate samples per second of the canonical clip
 * @param clipSamples samples of the canonical clip
 * @param channels channels of every convolution: the latent width D
 * @param context the context network
 * @param contextDim width of the context: the feature size
 * @param contextDepth GRU layers or Transformer blocks
 * @param contextHeads attention heads per Transformer block (1 for a GRU)
 * @param causal whether the context at frame t sees frames 0..t only; a GRU always is
 */
public record AudioWaveformEncoderSpec(
        int sampleRate,
        int clipSamples,
        int channels,
        Context context,
        int contextDim,
        int contextDepth,
        int contextHeads,
        boolean causal)
        implements FrameEncoder {
    /** The manifest's {@code encoder} value for this architecture. */
    public static final String NAME = "audio-waveform";
    /** Kernel sizes of the feature encoder's convolutions (CPC's). */
    static final int[] KERNELS = {10, 8, 4, 4, 4};
    /** Strides of the feature encoder's convolutions: 160x down in total. */
    static final int[] STRIDES = {5, 4, 2, 2, 2};
    /** Frames of the bidirectional Transformer context's convolutional position embedding (odd: centred). */
    static final int POSITION_KERNEL = 31;
    /** MLP hidden units per context dimension in the Transformer blocks (wav2vec 2.0's 3072 / 768). */
    static final int MLP_RATIO = 4;

    /** Caps on what a manifest may ask for, checked before any network is built. */
    public static final int MAX_CLIP_SECONDS = SpectrogramInput.MAX_CLIP_SECONDS;

    public static final int MAX_CHANNELS = 4096;
    public static final int MAX_CONTEXT_DIM = 4096;
    public static final int MAX_CONTEXT_DEPTH = 48;
    public static final int MAX_CONTEXT_HEADS = 64;

    /** The context networks, by their manifest value. */
    public enum Context {
        /** A GRU (Cho et al. 2014), CPC's autoregressive model: causal by construction. */
        GRU,
        /** Pre-norm Transformer blocks, bidirectional or causal. */
        TRANSFORMER;

        /** The manifest value, e.g. {@code gru}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException for an unknown value */
        public static Context of(String id) {
            for (Context c : values()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("Unknown context network '" + id + "'; expected gru or transformer");
        }
    }

    public AudioWaveformEncoderSpec {
        if (sampleRate < 1000
                || sampleRate > SpectrogramInput.MAX_SAMPLE_RATE
                || channels < 1
                || channels > MAX_CHANNELS
                || context == null
                || contextDim < 2
                || contextDim > MAX_CONTEXT_DIM
                || contextDim % 2 != 0
                || contextDepth < 1
                || contextDepth > MAX_CONTEXT_DEPTH
                || contextHeads < 1
                || contextHeads > MAX_CONTEXT_HEADS
                || contextDim % contextHeads != 0
                || (context == Context.GRU && (!causal || contextHeads != 1))) {
            throw new IllegalArgumentException("Invalid waveform encoder: rate " + sampleRate + ", " + channels
                    + " channels, " + context + " context of width " + contextDim + ", depth " + contextDepth + ", "
                    + contextHeads + " heads, causal " + causal + " (an even context width divisible by the heads; a "
                    + "GRU is causal with 1 head; caps: " + MAX_CHANNELS + " channels, width " + MAX_CONTEXT_DIM
                    + ", depth " + MAX_CONTEXT_DEPTH + ", " + MAX_CONTEXT_HEADS + " heads)");
        }
        if (clipSamples < minSamples() || (long) clipSamples > (long) MAX_CLIP_SECONDS * sampleRate) {
            throw new IllegalArgumentException("Canonical clip of " + clipSamples + " samples, expected " + minSamples()
                    + " (one latent frame) to " + MAX_CLIP_SECONDS + " s");
        }
    }

    /** CPC's encoder: a one-layer GRU context of width {@code contextDim} (the paper: 256). */
    public static AudioWaveformEncoderSpec gru(int sampleRate, int clipSamples, int channels, int contextDim) {
        return new AudioWaveformEncoderSpec(sampleRate, clipSamples, channels, Context.GRU, contextDim, 1, 1, true);
    }

    /** wav2vec 2.0's encoder: a Transformer context, bidirectional unless {@code causal}. */
    public static AudioWaveformEncoderSpec transformer(
            int sampleRate, int clipSamples, int channels, int contextDim, int depth, int heads, boolean causal) {
        return new AudioWaveformEncoderSpec(
                sampleRate, clipSamples, channels, Context.TRANSFORMER, contextDim, depth, heads, causal);
    }

    /** Groups of the position convolution: 16 as in wav2vec 2.0, or the largest power of two under it dividing dim. */
    static int positionGroups(int dim) {
        int groups = 16;
        while (dim % groups != 0) {
            groups /= 2;
        }
        return groups;
    }

    private static int minSamples() {
        int length = 1;
        for (int i = KERNELS.length - 1; i >= 0; i--) {
            length = (length - 1) * STRIDES[i] + KERNELS[i];
        }
        return length;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    /** The context width. */
    @Override
    public int featureDim() {
        return contextDim;
    }

    @Override
    public int latentDim() {
        return channels;
    }

    @Override
    public int frames(int length) {
        int frames = length;
        for (int i = 0; i < KERNELS.length; i++) {
            if (frames < KERNELS[i]) {
                return 0;
            }
            frames = (frames - KERNELS[i]) / STRIDES[i] + 1;
        }
        return frames;
    }

    @Override
    public int inputLength(int frames) {
        if (frames < 1) {
            return 0;
        }
        long length = frames;
        for (int i = KERNELS.length - 1; i >= 0; i--) {
            length = (length - 1) * STRIDES[i] + KERNELS[i];
        }
        return (int) Math.min(Integer.MAX_VALUE, length);
    }

    @Override
    public int maxInputLength() {
        return MAX_CLIP_SECONDS * sampleRate;
    }

    @Override
    public Block network() {
        return new AudioWaveformEncoder(this);
    }

    /** (n, T) of the canonical clip. */
    @Override
    public Shape inputShape(int n) {
        return new Shape(n, clipSamples);
    }

    /** Canonical clips, i16 {@code [T]}, scaled to [-1, 1), or waveform views, f32 {@code [T]}: float (N, T). */
    @Override
    public NDArray input(NDManager manager, List<Tensor> arrays) {
        if (arrays.get(0).dtype() != DType.I16) {
            arrays.forEach(a -> checkInput(a, false));
            return Collator.stack(manager, arrays);
        }
        int length = arrays.get(0).dim(0);
        float[] samples = new float[Math.multiplyExact(arrays.size(), length)];
        for (int i = 0; i < arrays.size(); i++) {
            short[] pcm = Pcm16.samples(arrays.get(i));
            if (pcm.length != length) {
                throw new IllegalArgumentException(
                        "Clips of one batch differ in length: " + pcm.length + " and " + length + " samples");
            }
            for (int j = 0; j < length; j++) {
                samples[i * length + j] = pcm[j] * Pcm16.SCALE;
            }
        }
        return manager.create(samples, new Shape(arrays.size(), length));
    }

    /**
     * A canonical clip, i16 {@code [T]} with T = {@link #clipSamples()} when canonical, or a waveform, f32 {@code [T]};
     * otherwise T from one latent frame to {@link #maxInputLength()}.
     */
    @Override
    public void checkInput(Tensor array, boolean canonical) {
        if ((array.dtype() != DType.I16 && array.dtype() != DType.F32) || array.rank() != 1) {
            throw new IllegalArgumentException("Expected a waveform, F32 [T], or 16-bit PCM, I16 [T], got " + array);
        }
        int length = array.dim(0);
        if (array.dtype() == DType.I16 && canonical && length != clipSamples) {
            throw new IllegalArgumentException("Clip has " + length + " samples, the encoder takes " + clipSamples);
        }
        if (length < minSamples() || length > maxInputLength()) {
            throw new IllegalArgumentException("Waveform has " + length + " samples, the encoder takes " + minSamples()
                    + " to " + maxInputLength());
        }
    }

    @Override
    public NDArray latents(Block network, ParameterStore store, NDArray input, boolean training) {
        return encoder(network).latents(store, input, training);
    }

    @Override
    public NDArray context(Block network, ParameterStore store, NDArray latents, boolean training) {
        return encoder(network).context(store, latents, training);
    }

    private AudioWaveformEncoder encoder(Block network) {
        if (network instanceof AudioWaveformEncoder encoder) {
            return encoder;
        }
        throw new IllegalArgumentException(
                "Not a waveform encoder of " + this + ": " + network.getClass().getSimpleName());
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(ENCODER, NAME);
        m.put("encoder.sample.rate", Integer.toString(sampleRate));
        m.put("encoder.clip.samples", Integer.toString(clipSamples));
        m.put("encoder.channels", Integer.toString(channels));
        m.put("encoder.context", context.id());
        m.put("encoder.context.dim", Integer.toString(contextDim));
        m.put("encoder.context.depth", Integer.toString(contextDepth));
        m.put("encoder.context.heads", Integer.toString(contextHeads));
        m.put("encoder.context.causal", Boolean.toString(causal));
        return m;
    }

    /** @throws IllegalArgumentException if a value is missing, too long, not a number or over its cap */
    public static AudioWaveformEncoderSpec fromMap(Map<String, String> m) {
        return new AudioWaveformEncoderSpec(
                ManifestEntries.integer(m, "encoder.sample.rate"),
                ManifestEntries.integer(m, "encoder.clip.samples"),
                ManifestEntries.integer(m, "encoder.channels"),
                Context.of(ManifestEntries.require(m, "encoder.context")),
                ManifestEntries.integer(m, "encoder.context.dim"),
                ManifestEntries.integer(m, "encoder.context.depth"),
                ManifestEntries.integer(m, "encoder.context.heads"),
                ManifestEntries.bool(m, "encoder.context.causal"));
    }
}
