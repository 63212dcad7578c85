package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.modality.RecipeTensors;
import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.audio.AudioCanonicalizer;
import dev.autodidact.media.audio.AudioLimits;
import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.WavDecoder;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.audio.views.AudioDraw;
import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.media.audio.views.AudioRecipes;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Audio: canonical inputs are mono 16-bit PCM clips, i16 {@code [T]} at {@code audio.sample.rate} for
 * {@code audio.clip.seconds} (the stream-app's {@code clean.audio} records, made by media's
 * {@link AudioCanonicalizer}), and three encoders: the spectrogram CNN {@code audio-conv} for the two-view methods, the
 * spectrogram ViT {@code audio-vit} for MAE, and the waveform encoder {@code audio-waveform} (GRU context for CPC, a
 * Transformer for wav2vec 2.0). The keys shared with the stream-app ({@code audio.sample.rate},
 * {@code audio.clip.seconds}, {@code audio.mels}, {@code audio.n_fft}, {@code audio.hop},
 * {@code audio.masked.crop.seconds}) have its names and defaults, and {@code pretrain} forwards them, so the learner's
 * log-mel of a canonical clip is the stream-app's log-mel of a view.
 */
public final class AudioKit implements ModalityKit {
    public static final String SAMPLE_RATE_CONFIG = "audio.sample.rate";
    public static final String CLIP_SECONDS_CONFIG = "audio.clip.seconds";
    public static final String MELS_CONFIG = "audio.mels";
    public static final String N_FFT_CONFIG = "audio.n_fft";
    public static final String HOP_CONFIG = "audio.hop";
    public static final String MASKED_CROP_SECONDS_CONFIG = "audio.masked.crop.seconds";
    public static final String AUDIO_ENCODER_CONFIG = "audio.encoder";
    public static final String CONV_WIDTHS_CONFIG = "audio.encoder.widths";
    public static final String VIT_PATCH_SIZE_CONFIG = "audio.vit.patch.size";
    public static final String VIT_DIM_CONFIG = "audio.vit.dim";
    public static final String VIT_DEPTH_CONFIG = "audio.vit.depth";
    public static final String VIT_HEADS_CONFIG = "audio.vit.heads";
    public static final String WAVEFORM_CHANNELS_CONFIG = "audio.waveform.channels";
    public static final String WAVEFORM_CONTEXT_DIM_CONFIG = "audio.waveform.context.dim";
    public static final String WAVEFORM_CONTEXT_DEPTH_CONFIG = "audio.waveform.context.depth";
    public static final String WAVEFORM_CONTEXT_HEADS_CONFIG = "audio.waveform.context.heads";
    /** Value of {@link #AUDIO_ENCODER_CONFIG}: the encoder the method's requirement asks for. */
    public static final String AUTO = "auto";

    private final Map<String, AudioRecipe> recipes = new ConcurrentHashMap<>();
    /** One per clip format, so its resamplers (one per source rate) are built once, not once per file. */
    private final Map<Clip, AudioCanonicalizer> canonicalizers = new ConcurrentHashMap<>();

    private final WaveformAugmentation fineTune = WaveformAugmentation.of(-3, 3, 30, 50, 0.05, 0);

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public ConfigDef define(ConfigDef def) {
        return def.define(
                        SAMPLE_RATE_CONFIG,
                        Type.INT,
                        AudioCanonicalizer.DEFAULT_SAMPLE_RATE,
                        Range.between(1000, 384_000),
                        Importance.HIGH,
                        "Samples per second of the canonical clips (the stream-app's setting of the same name).")
                .define(
                        CLIP_SECONDS_CONFIG,
                        Type.DOUBLE,
                        AudioCanonicalizer.DEFAULT_CLIP_SECONDS,
                        Range.between(0.05, 60),
                        Importance.HIGH,
                        "Seconds of the canonical clips (the stream-app's setting of the same name).")
                .define(MELS_CONFIG, Type.INT, 64, Range.between(8, 512), Importance.MEDIUM, "Mel bands of log-mel.")
                .define(N_FFT_CONFIG, Type.INT, 400, Range.between(16, 8192), Importance.LOW, "Log-mel frame length.")
                .define(HOP_CONFIG, Type.INT, 160, Range.between(1, 8192), Importance.LOW, "Log-mel hop in samples.")
                .define(
                        MASKED_CROP_SECONDS_CONFIG,
                        Type.DOUBLE,
                        1.0,
                        Range.between(0.05, 60),
                        Importance.LOW,
                        "Seconds of the masked-patches crop (the stream-app's setting): the audio ViT's training grid.")
                .define(
                        AUDIO_ENCODER_CONFIG,
                        Type.STRING,
                        AUTO,
                        ConfigDef.ValidString.in(
                                AUTO,
                                AudioConvEncoderSpec.NAME,
                                AudioVitEncoderSpec.NAME,
                                AudioWaveformEncoderSpec.NAME),
                        Importance.HIGH,
                        "Audio encoder: audio-conv (log-mel CNN), audio-vit (log-mel ViT), audio-waveform (raw-waveform"
                                + " conv encoder with a context network), or auto: what the method needs (audio-vit for"
                                + " mae, audio-waveform for cpc and wav2vec2, audio-conv otherwise).")
                .define(CONV_WIDTHS_CONFIG, Type.LIST, "32,64,128", Importance.MEDIUM, "Channels per audio-conv stage.")
                .define(
                        VIT_PATCH_SIZE_CONFIG,
                        Type.INT,
                        8,
                        Range.between(1, 64),
                        Importance.MEDIUM,
                        "audio-vit patch side.")
                .define(VIT_DIM_CONFIG, Type.INT, 128, Range.between(4, 4096), Importance.MEDIUM, "audio-vit width.")
                .define(VIT_DEPTH_CONFIG, Type.INT, 4, Range.between(1, 48), Importance.MEDIUM, "audio-vit blocks.")
                .define(VIT_HEADS_CONFIG, Type.INT, 4, Range.between(1, 64), Importance.LOW, "audio-vit heads.")
                .define(
                        WAVEFORM_CHANNELS_CONFIG,
                        Type.INT,
                        128,
                        Range.between(1, 4096),
                        Importance.MEDIUM,
                        "audio-waveform feature-encoder channels.")
                .define(
                        WAVEFORM_CONTEXT_DIM_CONFIG,
                        Type.INT,
                        128,
                        Range.between(4, 4096),
                        Importance.MEDIUM,
                        "audio-waveform context width: the embedding size.")
                .define(
                        WAVEFORM_CONTEXT_DEPTH_CONFIG,
                        Type.INT,
                        4,
                        Range.between(1, 48),
                        Importance.LOW,
                        "audio-waveform Transformer context blocks (wav2vec2).")
                .define(
                        WAVEFORM_CONTEXT_HEADS_CONFIG,
                        Type.INT,
                        4,
                        Range.between(1, 64),
                        Importance.LOW,
                        "audio-waveform Transformer context heads (wav2vec2).");
    }

    @Override
    public EncoderArchitecture encoder(AbstractConfig config, EncoderRequirement requirement) {
        String choice = config.getString(AUDIO_ENCODER_CONFIG);
        String name = !AUTO.equals(choice)
                ? choice
                : switch (requirement) {
                    case PATCH_TOKENS -> AudioVitEncoderSpec.NAME;
                    case FRAMES, CAUSAL_FRAMES -> AudioWaveformEncoderSpec.NAME;
                    case FEATURES -> AudioConvEncoderSpec.NAME;
                };
        int rate = config.getInt(SAMPLE_RATE_CONFIG);
        int clip = AudioCanonicalizer.clipSamples(rate, config.getDouble(CLIP_SECONDS_CONFIG));
        int fft = config.getInt(N_FFT_CONFIG);
        int hop = config.getInt(HOP_CONFIG);
        int mels = config.getInt(MELS_CONFIG);
        EncoderArchitecture encoder;
        try {
            encoder = switch (name) {
                case AudioConvEncoderSpec.NAME ->
                    new AudioConvEncoderSpec(
                            rate,
                            clip,
                            fft,
                            hop,
                            mels,
                            config.getList(CONV_WIDTHS_CONFIG).stream()
                                    .mapToInt(Integer::parseInt)
                                    .toArray(),
                            Spectrograms.FSDD_MEAN,
                            Spectrograms.FSDD_STD);
                case AudioVitEncoderSpec.NAME -> {
                    int patch = config.getInt(VIT_PATCH_SIZE_CONFIG);
                    int cropFrames = LogMelSpectrograms.of(rate, fft, hop, mels)
                            .frames(AudioCanonicalizer.clipSamples(rate, config.getDouble(MASKED_CROP_SECONDS_CONFIG)));
                    yield new AudioVitEncoderSpec(
                            rate,
                            clip,
                            fft,
                            hop,
                            mels,
                            cropFrames / patch * patch,
                            patch,
                            config.getInt(VIT_DIM_CONFIG),
                            config.getInt(VIT_DEPTH_CONFIG),
                            config.getInt(VIT_HEADS_CONFIG),
                            4,
                            Spectrograms.FSDD_MEAN,
                            Spectrograms.FSDD_STD);
                }
                default ->
                    requirement == EncoderRequirement.CAUSAL_FRAMES
                            ? AudioWaveformEncoderSpec.gru(
                                    rate,
                                    clip,
                                    config.getInt(WAVEFORM_CHANNELS_CONFIG),
                                    config.getInt(WAVEFORM_CONTEXT_DIM_CONFIG))
                            : AudioWaveformEncoderSpec.transformer(
                                    rate,
                                    clip,
                                    config.getInt(WAVEFORM_CHANNELS_CONFIG),
                                    config.getInt(WAVEFORM_CONTEXT_DIM_CONFIG),
                                    config.getInt(WAVEFORM_CONTEXT_DEPTH_CONFIG),
                                    config.getInt(WAVEFORM_CONTEXT_HEADS_CONFIG),
                                    false);
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        if (!requirement.accepts(encoder)) {
            throw new ConfigException(
                    AUDIO_ENCODER_CONFIG,
                    choice,
                    "the method needs " + requirement + ", which the " + name + " encoder does not give; leave it "
                            + AUTO);
        }
        return encoder;
    }

    @Override
    public Tensor canonical(byte[] media, EncoderArchitecture encoder) {
        Clip clip = clipOf(encoder);
        try {
            return pcm16(canonicalizers
                    .computeIfAbsent(
                            clip,
                            c -> new AudioCanonicalizer(
                                    new WavDecoder(AudioLimits.defaults()),
                                    c.sampleRate(),
                                    c.samples() / (double) c.sampleRate()))
                    .canonicalize(media));
        } catch (MediaRejectedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A light change of level, noise and position, the audio counterpart of a mild crop and flip. */
    @Override
    public Tensor fineTuneView(Tensor input, EncoderArchitecture encoder, SplittableRandom rng) {
        PcmClip clip =
                AudioCanonicalizer.fromPcm16(input.bytes(), clipOf(encoder).sampleRate());
        return pcm16(new PcmClip(fineTune.apply(clip.samples(), null, rng), clip.sampleRate()));
    }

    /**
     * New views of the stored example's {@code input}, drawn by the recipe its {@code augment} metadata spells (the
     * stream-app's own {@link AudioRecipes}), laid out as the stream-app writes them. A recipe that mixes in another
     * clip draws without one here, as the stream-app does for a task's first record.
     */
    @Override
    public Example reaugment(Example stored, long seed) {
        String spec = stored.meta(Example.AUGMENT)
                .orElseThrow(() -> new IllegalArgumentException("Example has no '" + Example.AUGMENT + "' metadata"));
        AudioRecipe recipe = recipes.computeIfAbsent(spec, AudioRecipes::parse);
        Tensor input = stored.array(ArrayNames.INPUT);
        AudioDraw draw = recipe.draw(
                AudioCanonicalizer.fromPcm16(input.bytes(), recipe.sampleRate()),
                Optional.empty(),
                new SplittableRandom(seed));
        Example.Builder b = Example.builder(Modality.AUDIO);
        stored.metadata().forEach(b::meta);
        b.put(ArrayNames.INPUT, input);
        for (RecipeArray array : draw.arrays()) {
            b.put(array.name(), RecipeTensors.of(array));
        }
        return b.build();
    }

    /**
     * The log-mel of each canonical clip, normalised as the spectrogram encoders normalise it, flattened (mel-major):
     * the baseline any representation must beat. Waveform encoders get the same features at the default log-mel
     * settings.
     */
    @Override
    public float[][] rawFeatures(List<Tensor> inputs, EncoderArchitecture encoder) {
        Clip clip = clipOf(encoder);
        Spectrograms spectrograms = encoder instanceof SpectrogramInput s
                ? s.spectrograms()
                : LogMelSpectrograms.of(
                        clip.sampleRate(),
                        Spectrograms.DEFAULT_FFT_SIZE,
                        Spectrograms.DEFAULT_HOP_LENGTH,
                        Spectrograms.DEFAULT_MELS);
        float mean = encoder instanceof SpectrogramInput s ? s.mean() : Spectrograms.FSDD_MEAN;
        float std = encoder instanceof SpectrogramInput s ? s.std() : Spectrograms.FSDD_STD;
        float[][] out = new float[inputs.size()][];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < inputs.size(); from += 256) {
                List<short[]> clips = new ArrayList<>();
                for (Tensor t : inputs.subList(from, Math.min(inputs.size(), from + 256))) {
                    clips.add(Pcm16.samples(t));
                }
                try (NDManager scope = manager.newSubManager()) {
                    NDArray logMel = spectrograms.logMel(scope, clips).sub(mean).div(std);
                    NDArray flat = logMel.reshape(clips.size(), -1);
                    float[] values = flat.toFloatArray();
                    int d = (int) flat.getShape().get(1);
                    for (int i = 0; i < clips.size(); i++) {
                        float[] row = new float[d];
                        System.arraycopy(values, i * d, row, 0, d);
                        out[from + i] = row;
                    }
                }
            }
        }
        return out;
    }

    private static Tensor pcm16(PcmClip clip) {
        return Tensor.wrap(DType.I16, new int[] {clip.length()}, AudioCanonicalizer.toPcm16Bytes(clip));
    }

    private record Clip(int sampleRate, int samples) {}

    private static Clip clipOf(EncoderArchitecture encoder) {
        if (encoder instanceof SpectrogramInput s) {
            return new Clip(s.sampleRate(), s.clipSamples());
        }
        if (encoder instanceof AudioWaveformEncoderSpec w) {
            return new Clip(w.sampleRate(), w.clipSamples());
        }
        throw new IllegalArgumentException("Not an audio encoder: " + encoder.name());
    }
}
