package dev.autodidact.streams.internal;

import dev.autodidact.media.audio.AudioCanonicalizer;
import dev.autodidact.media.audio.AudioLimits;
import dev.autodidact.media.audio.LogMelSpec;
import dev.autodidact.media.audio.WavDecoder;
import dev.autodidact.media.audio.augment.GaussianNoise;
import dev.autodidact.media.audio.augment.RandomGain;
import dev.autodidact.media.audio.augment.SpecAugment;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.audio.views.AudioMaskedSpectrogramRecipe;
import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.media.audio.views.AudioRecipes;
import dev.autodidact.media.audio.views.AudioTwoViewsRecipe;
import dev.autodidact.media.audio.views.AudioWaveformRecipe;
import dev.autodidact.schema.method.ExampleRecipe;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The audio settings of the stream-app, all under {@value #PREFIX}: the canonical clip of {@code clean.audio}, the
 * limits a WAV file must meet, and the knobs of the three audio recipes. Every default is the media recipe's own
 * ({@link AudioTwoViewsRecipe#defaults()}, {@link AudioMaskedSpectrogramRecipe#defaults()}), except the waveform crop,
 * which is the audio contract's one second, the whole canonical clip, so that CPC and wav2vec 2.0 see every frame of a
 * short spoken word. Every single value is checked by its validator; what depends on several keys (a crop longer
 * than one log-mel frame, the patch side dividing the mel bands, the arrays fitting in a record) when the recipe of a
 * configured method is built, with a {@link ConfigException} naming the keys.
 *
 * <p>The log-mel parameters ({@code audio.mels}, {@code audio.n_fft}, {@code audio.hop}) and the canonical clip
 * ({@code audio.sample.rate}, {@code audio.clip.seconds}) must match the learner's: its spectrogram encoders turn a
 * canonical clip into the same features when they embed it. The masked-patches recipe's patch side and mask ratio are
 * the keys the image recipe reads ({@code mae.patch.size}, {@code mae.mask.ratio}), but an unset patch side means 8
 * on audio ({@link #MAE_PATCH_SIZE_DEFAULT}, the media recipe's default: 8 x 8 patches of mel bands and frames,
 * Audio-MAE's 16 x 16 at half its 128 bands) rather than the image default.
 */
public final class AudioKeys {
    /** The prefix of every audio setting. */
    public static final String PREFIX = "audio.";

    public static final String SAMPLE_RATE_CONFIG = "audio.sample.rate";
    public static final int SAMPLE_RATE_DEFAULT = AudioCanonicalizer.DEFAULT_SAMPLE_RATE;
    private static final String SAMPLE_RATE_DOC = "Rate in Hz of the canonical clip on clean.audio: every recording is"
            + " mixed down to mono and resampled to it (band-limited, Kaiser-windowed sinc). 16000 is the rate of"
            + " speech models. Must match the learner's.";

    public static final String CLIP_SECONDS_CONFIG = "audio.clip.seconds";
    public static final double CLIP_SECONDS_DEFAULT = AudioCanonicalizer.DEFAULT_CLIP_SECONDS;
    private static final String CLIP_SECONDS_DOC = "Length of the canonical clip: a longer recording keeps its first"
            + " window, a shorter one is padded with silence at the end; in (0, 60]. Must match the learner's.";

    public static final String MAX_BYTES_CONFIG = "audio.max.bytes";
    /** The media default (16 MiB) within what a raw record can carry: 16 MiB less 64 KiB. */
    public static final long MAX_BYTES_DEFAULT =
            Math.min(AudioLimits.DEFAULT_MAX_BYTES, SizeLimitedSerde.MAX_VALUE_BYTES);

    private static final String MAX_BYTES_DOC = "Largest WAV file accepted; larger records go to the dead-letter topic"
            + " with reason too-many-bytes before anything is parsed. At most 16 MiB less 64 KiB, what a record"
            + " carries.";

    public static final String MAX_CHANNELS_CONFIG = "audio.max.channels";
    public static final int MAX_CHANNELS_DEFAULT = AudioLimits.DEFAULT_MAX_CHANNELS;
    private static final String MAX_CHANNELS_DOC =
            "Most channels accepted, read from the header before decoding; more go"
                    + " to the dead-letter topic with reason unsupported-format.";

    public static final String MAX_SECONDS_CONFIG = "audio.max.seconds";
    public static final double MAX_SECONDS_DEFAULT = AudioLimits.DEFAULT_MAX_SECONDS;
    private static final String MAX_SECONDS_DOC = "Longest recording accepted, computed from the header's data size"
            + " before any sample is decoded; longer ones go to the dead-letter topic with reason too-long.";

    public static final String CROP_SECONDS_CONFIG = "audio.crop.seconds";
    public static final double CROP_SECONDS_DEFAULT =
            AudioTwoViewsRecipe.defaults().cropSeconds();
    private static final String CROP_SECONDS_DOC = "Length of each random crop of a two-views example (simclr, byol):"
            + " 0.75 s gives 1 + (12000 - n_fft) / hop = 73 log-mel frames at the defaults. Longer than the clip, the"
            + " clip sits at a random offset in silence.";

    public static final String MASKED_CROP_SECONDS_CONFIG = "audio.masked.crop.seconds";
    public static final double MASKED_CROP_SECONDS_DEFAULT =
            AudioMaskedSpectrogramRecipe.defaults().cropSeconds();
    private static final String MASKED_CROP_SECONDS_DOC = "Length of the crop of a masked-patches example (mae); its"
            + " frames are cut to a multiple of mae.patch.size (98 -> 96 frames at the defaults, 8 x 12 patches).";

    public static final String WAVEFORM_SECONDS_CONFIG = "audio.waveform.seconds";
    public static final double WAVEFORM_SECONDS_DEFAULT = 1.0;
    private static final String WAVEFORM_SECONDS_DOC = "Length of the raw-waveform crop of a waveform example (cpc,"
            + " wav2vec2): view.0 holds round(audio.sample.rate * this) samples, 16000 at the defaults.";

    public static final String MELS_CONFIG = "audio.mels";
    public static final int MELS_DEFAULT = LogMelSpec.DEFAULT_MELS;
    private static final String MELS_DOC =
            "Mel bands of the log-mel spectrogram views, over the whole band. Must match" + " the learner's.";

    public static final String N_FFT_CONFIG = "audio.n_fft";
    public static final int N_FFT_DEFAULT = LogMelSpec.DEFAULT_N_FFT;
    private static final String N_FFT_DOC = "Window and FFT length in samples of a log-mel frame (400 = 25 ms at 16"
            + " kHz); frames are not centred. Must match the learner's.";

    public static final String HOP_CONFIG = "audio.hop";
    public static final int HOP_DEFAULT = LogMelSpec.DEFAULT_HOP;
    private static final String HOP_DOC =
            "Samples between successive log-mel frames (160 = 10 ms at 16 kHz). Must" + " match the learner's.";

    public static final String GAIN_DB_MIN_CONFIG = "audio.gain.db.min";
    public static final double GAIN_DB_MIN_DEFAULT = twoViews().gain().minDb();
    public static final String GAIN_DB_MAX_CONFIG = "audio.gain.db.max";
    public static final double GAIN_DB_MAX_DEFAULT = twoViews().gain().maxDb();
    private static final String GAIN_DB_DOC =
            " of the random gain in dB of a two-views or waveform view, in [-60, 60].";

    public static final String SNR_DB_MIN_CONFIG = "audio.snr.db.min";
    public static final double SNR_DB_MIN_DEFAULT = twoViews().noise().minSnrDb();
    public static final String SNR_DB_MAX_CONFIG = "audio.snr.db.max";
    public static final double SNR_DB_MAX_DEFAULT = twoViews().noise().maxSnrDb();
    private static final String SNR_DB_DOC = " signal-to-noise ratio in dB of the white noise added to a"
            + " two-views or waveform view, in [-20, 120].";

    public static final String SHIFT_CONFIG = "audio.shift";
    public static final double SHIFT_DEFAULT = twoViews().shift().maxFraction();
    private static final String SHIFT_DOC =
            "Largest time shift of a two-views or waveform view, as a fraction of its" + " crop, in [0, 1].";

    public static final String MIX_CONFIG = "audio.mix";
    public static final double MIX_DEFAULT = twoViews().mix().maxWeight();
    private static final String MIX_DOC = "Largest share of another recent clip mixed into a two-views or waveform view"
            + " (BYOL-A's mixup, levels matched first), in [0, 1]; 0 turns mixing off. The other clip comes from a"
            + " changelogged ring of the task's last audio.mix.clips clean clips, picked with the record's seeded"
            + " generator; the first record of a task has none to mix with.";

    public static final String MIX_CLIPS_CONFIG = "audio.mix.clips";
    public static final int MIX_CLIPS_DEFAULT = 8;
    private static final String MIX_CLIPS_DOC = "Recent clean clips each task keeps to mix from when audio.mix > 0, 1"
            + " to 64; a state store holds them, so a replayed record mixes with the clip it mixed with the first"
            + " time.";

    public static final String TIME_MASKS_CONFIG = "audio.time.masks";
    public static final int TIME_MASKS_DEFAULT = twoViewsMasking().timeMasks();
    public static final String TIME_WIDTH_CONFIG = "audio.time.width";
    public static final int TIME_WIDTH_DEFAULT = twoViewsMasking().maxTimeWidth();
    public static final String FREQ_MASKS_CONFIG = "audio.freq.masks";
    public static final int FREQ_MASKS_DEFAULT = twoViewsMasking().freqMasks();
    public static final String FREQ_WIDTH_CONFIG = "audio.freq.width";
    public static final int FREQ_WIDTH_DEFAULT = twoViewsMasking().maxFreqWidth();

    /** The masked-patches patch side when {@code mae.patch.size} is not set. */
    public static final int MAE_PATCH_SIZE_DEFAULT =
            AudioMaskedSpectrogramRecipe.defaults().patchSize();

    private static final String GROUP = "Audio";
    private static final Set<String> NAMES = Set.copyOf(define(new ConfigDef()).names());

    private AudioKeys() {}

    private static WaveformAugmentation twoViews() {
        return AudioTwoViewsRecipe.defaults().augmentation();
    }

    private static SpecAugment twoViewsMasking() {
        return AudioTwoViewsRecipe.defaults().masking();
    }

    /**
     * Adds every audio setting to {@code def} in the group {@code Audio}.
     *
     * @param def the definition to extend
     * @return {@code def}
     */
    public static ConfigDef define(ConfigDef def) {
        List<Knob> knobs = List.of(
                new Knob(
                        SAMPLE_RATE_CONFIG,
                        Type.INT,
                        SAMPLE_RATE_DEFAULT,
                        Range.between(AudioRecipes.MIN_SAMPLE_RATE, AudioRecipes.MAX_SAMPLE_RATE),
                        SAMPLE_RATE_DOC),
                seconds(
                        CLIP_SECONDS_CONFIG,
                        CLIP_SECONDS_DEFAULT,
                        AudioCanonicalizer.MAX_CLIP_SECONDS,
                        CLIP_SECONDS_DOC),
                new Knob(
                        MAX_BYTES_CONFIG,
                        Type.LONG,
                        MAX_BYTES_DEFAULT,
                        Range.between(1, SizeLimitedSerde.MAX_VALUE_BYTES),
                        MAX_BYTES_DOC),
                new Knob(
                        MAX_CHANNELS_CONFIG,
                        Type.INT,
                        MAX_CHANNELS_DEFAULT,
                        Range.between(1, 65_535),
                        MAX_CHANNELS_DOC),
                seconds(MAX_SECONDS_CONFIG, MAX_SECONDS_DEFAULT, 24 * 3600.0, MAX_SECONDS_DOC),
                seconds(CROP_SECONDS_CONFIG, CROP_SECONDS_DEFAULT, AudioRecipes.MAX_CROP_SECONDS, CROP_SECONDS_DOC),
                seconds(
                        MASKED_CROP_SECONDS_CONFIG,
                        MASKED_CROP_SECONDS_DEFAULT,
                        AudioRecipes.MAX_CROP_SECONDS,
                        MASKED_CROP_SECONDS_DOC),
                seconds(
                        WAVEFORM_SECONDS_CONFIG,
                        WAVEFORM_SECONDS_DEFAULT,
                        AudioRecipes.MAX_CROP_SECONDS,
                        WAVEFORM_SECONDS_DOC),
                new Knob(MELS_CONFIG, Type.INT, MELS_DEFAULT, Range.between(1, LogMelSpec.MAX_MELS), MELS_DOC),
                new Knob(N_FFT_CONFIG, Type.INT, N_FFT_DEFAULT, Range.between(2, LogMelSpec.MAX_N_FFT), N_FFT_DOC),
                new Knob(HOP_CONFIG, Type.INT, HOP_DEFAULT, Range.between(1, LogMelSpec.MAX_N_FFT), HOP_DOC),
                decibels(
                        GAIN_DB_MIN_CONFIG,
                        GAIN_DB_MIN_DEFAULT,
                        RandomGain.MIN_DB,
                        RandomGain.MAX_DB,
                        "Lowest" + GAIN_DB_DOC),
                decibels(
                        GAIN_DB_MAX_CONFIG,
                        GAIN_DB_MAX_DEFAULT,
                        RandomGain.MIN_DB,
                        RandomGain.MAX_DB,
                        "Highest" + GAIN_DB_DOC),
                decibels(
                        SNR_DB_MIN_CONFIG,
                        SNR_DB_MIN_DEFAULT,
                        GaussianNoise.MIN_DB,
                        GaussianNoise.MAX_DB,
                        "Lowest" + SNR_DB_DOC),
                decibels(
                        SNR_DB_MAX_CONFIG,
                        SNR_DB_MAX_DEFAULT,
                        GaussianNoise.MIN_DB,
                        GaussianNoise.MAX_DB,
                        "Highest" + SNR_DB_DOC),
                fraction(SHIFT_CONFIG, SHIFT_DEFAULT, SHIFT_DOC),
                fraction(MIX_CONFIG, MIX_DEFAULT, MIX_DOC),
                new Knob(MIX_CLIPS_CONFIG, Type.INT, MIX_CLIPS_DEFAULT, Range.between(1, 64), MIX_CLIPS_DOC),
                masks(TIME_MASKS_CONFIG, TIME_MASKS_DEFAULT, "Time masks (SpecAugment) per two-views view"),
                widths(TIME_WIDTH_CONFIG, TIME_WIDTH_DEFAULT, "Widest time mask of a two-views view, in frames"),
                masks(FREQ_MASKS_CONFIG, FREQ_MASKS_DEFAULT, "Frequency masks (SpecAugment) per two-views view"),
                widths(
                        FREQ_WIDTH_CONFIG,
                        FREQ_WIDTH_DEFAULT,
                        "Widest frequency mask of a two-views view, in mel bands"));
        int order = 0;
        for (Knob knob : knobs) {
            def.define(
                    knob.name,
                    knob.type,
                    knob.value,
                    knob.validator,
                    Importance.MEDIUM,
                    knob.doc,
                    GROUP,
                    ++order,
                    ConfigDef.Width.SHORT,
                    knob.name);
        }
        return def;
    }

    /** One setting: its name, type, default, validator and documentation. */
    private record Knob(String name, Type type, Object value, ConfigDef.Validator validator, String doc) {}

    private static Knob seconds(String name, double value, double max, String doc) {
        return new Knob(name, Type.DOUBLE, value, PretextKeys.between(v -> v > 0 && v <= max, "(0, " + max + "]"), doc);
    }

    private static Knob decibels(String name, double value, double min, double max, String doc) {
        return new Knob(
                name,
                Type.DOUBLE,
                value,
                PretextKeys.between(v -> v >= min && v <= max, "[" + min + ", " + max + "]"),
                doc);
    }

    private static Knob fraction(String name, double value, String doc) {
        return new Knob(name, Type.DOUBLE, value, PretextKeys.between(v -> v >= 0 && v <= 1, "[0, 1]"), doc);
    }

    private static Knob masks(String name, int value, String doc) {
        return new Knob(
                name,
                Type.INT,
                value,
                Range.between(0, SpecAugment.MAX_MASKS),
                doc + ", 0 to " + SpecAugment.MAX_MASKS + ".");
    }

    private static Knob widths(String name, int value, String doc) {
        return new Knob(
                name,
                Type.INT,
                value,
                Range.between(0, SpecAugment.MAX_WIDTH),
                doc + ", 0 to " + SpecAugment.MAX_WIDTH + ".");
    }

    /** @return the name of every audio setting */
    public static Set<String> names() {
        return NAMES;
    }

    /**
     * @param config a configuration defined with {@link #define(ConfigDef)}
     * @return the limits every WAV file must meet: bytes, channels and seconds from the settings, the sample rates
     *     {@link AudioLimits#defaults()} accepts
     */
    public static AudioLimits limits(AbstractConfig config) {
        return AudioLimits.defaults()
                .withMaxBytes(config.getLong(MAX_BYTES_CONFIG))
                .withMaxChannels(config.getInt(MAX_CHANNELS_CONFIG))
                .withMaxSeconds(config.getDouble(MAX_SECONDS_CONFIG));
    }

    /**
     * @param config a configuration defined with {@link #define(ConfigDef)}
     * @return a canonicalizer to the configured clip, decoding within {@link #limits}; one per topology, since it keeps
     *     the resamplers of the rates it meets
     * @throws ConfigException if the clip is not a valid canonical clip
     */
    public static AudioCanonicalizer canonicalizer(AbstractConfig config) {
        try {
            return new AudioCanonicalizer(
                    new WavDecoder(limits(config)),
                    config.getInt(SAMPLE_RATE_CONFIG),
                    config.getDouble(CLIP_SECONDS_CONFIG));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid canonical audio clip (" + SAMPLE_RATE_CONFIG + ", " + CLIP_SECONDS_CONFIG
                    + "): " + e.getMessage());
        }
    }

    /**
     * @param config a configuration defined with {@link #define(ConfigDef)} and {@link PretextKeys#define(ConfigDef)}
     * @return the patch side of a masked-patches example: {@code mae.patch.size} if set, else
     *     {@link #MAE_PATCH_SIZE_DEFAULT}
     */
    public static int maePatchSize(AbstractConfig config) {
        return config.originals().containsKey(PretextKeys.MAE_PATCH_SIZE_CONFIG)
                ? config.getInt(PretextKeys.MAE_PATCH_SIZE_CONFIG)
                : MAE_PATCH_SIZE_DEFAULT;
    }

    /**
     * @param kind an audio kind of example: two views, masked patches or waveform
     * @param config a configuration defined with {@link #define(ConfigDef)} and {@link PretextKeys#define(ConfigDef)}
     * @return the recipe of that kind with the configured knobs
     * @throws ConfigException if the knobs together are not a valid recipe, naming the settings
     * @throws IllegalStateException if {@code kind} is not an audio kind
     */
    public static AudioRecipe recipe(ExampleRecipe kind, AbstractConfig config) {
        int rate = config.getInt(SAMPLE_RATE_CONFIG);
        try {
            return switch (kind) {
                case TWO_VIEWS ->
                    new AudioTwoViewsRecipe(
                            rate,
                            config.getDouble(CROP_SECONDS_CONFIG),
                            features(config, rate),
                            augmentation(config),
                            new SpecAugment(
                                    config.getInt(TIME_MASKS_CONFIG),
                                    config.getInt(TIME_WIDTH_CONFIG),
                                    config.getInt(FREQ_MASKS_CONFIG),
                                    config.getInt(FREQ_WIDTH_CONFIG)));
                case MASKED_PATCHES ->
                    new AudioMaskedSpectrogramRecipe(
                            rate,
                            config.getDouble(MASKED_CROP_SECONDS_CONFIG),
                            features(config, rate),
                            AudioMaskedSpectrogramRecipe.defaults().augmentation(),
                            maePatchSize(config),
                            config.getDouble(PretextKeys.MAE_MASK_RATIO_CONFIG));
                case WAVEFORM ->
                    new AudioWaveformRecipe(rate, config.getDouble(WAVEFORM_SECONDS_CONFIG), augmentation(config));
                default -> throw new IllegalStateException("'" + kind.id() + "' is not an audio recipe");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "Invalid audio " + kind.id() + " recipe (" + settings(kind) + "): " + e.getMessage());
        }
    }

    private static LogMelSpec features(AbstractConfig config, int rate) {
        return LogMelSpec.of(rate, config.getInt(N_FFT_CONFIG), config.getInt(HOP_CONFIG), config.getInt(MELS_CONFIG));
    }

    private static WaveformAugmentation augmentation(AbstractConfig config) {
        return WaveformAugmentation.of(
                config.getDouble(GAIN_DB_MIN_CONFIG),
                config.getDouble(GAIN_DB_MAX_CONFIG),
                config.getDouble(SNR_DB_MIN_CONFIG),
                config.getDouble(SNR_DB_MAX_CONFIG),
                config.getDouble(SHIFT_CONFIG),
                config.getDouble(MIX_CONFIG));
    }

    private static String settings(ExampleRecipe kind) {
        return switch (kind) {
            case TWO_VIEWS ->
                SAMPLE_RATE_CONFIG + ", " + CROP_SECONDS_CONFIG + ", the log-mel, gain, noise, shift, mix"
                        + " and mask settings";
            case MASKED_PATCHES ->
                SAMPLE_RATE_CONFIG + ", " + MASKED_CROP_SECONDS_CONFIG + ", the log-mel settings, "
                        + PretextKeys.MAE_PATCH_SIZE_CONFIG + " and " + PretextKeys.MAE_MASK_RATIO_CONFIG;
            default ->
                SAMPLE_RATE_CONFIG + ", " + WAVEFORM_SECONDS_CONFIG + " and the gain, noise, shift and mix settings";
        };
    }
}
