package dev.autodidact.streams;

import dev.autodidact.media.audio.AudioCanonicalizer;
import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.media.image.ImageLimits;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.MultiCropRecipe;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.streams.internal.AudioExamplesProcessor;
import dev.autodidact.streams.internal.AudioKeys;
import dev.autodidact.streams.internal.AudioViewRecipes;
import dev.autodidact.streams.internal.ConfigChecks;
import dev.autodidact.streams.internal.ImageExamplesProcessor;
import dev.autodidact.streams.internal.ImageViewRecipes;
import dev.autodidact.streams.internal.PretextKeys;
import dev.autodidact.streams.internal.SimClrKeys;
import dev.autodidact.streams.internal.SizeLimitedSerde;
import dev.autodidact.streams.internal.StreamsProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidList;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the stream-app. Keys this class does not define are Kafka client settings (security, SASL, TLS,
 * {@code producer.}/{@code consumer.} prefixed tuning, any Kafka Streams setting) and pass through to Kafka Streams
 * and the topic admin client unchanged; see {@link #clientProperties()}.
 *
 * <p>The app runs the topology of one {@code modality}: {@link ImageTopology} (the default) or {@link AudioTopology}.
 * Every value is checked when the configuration is created: a missing {@code bootstrap.servers}, a value out of range,
 * a method that is not in the {@link dev.autodidact.schema.method.MethodCatalog} or does not learn from the modality, a
 * method whose kind of example the modality's stream cannot make, a SimCLR, multi-crop, pretext or audio recipe that
 * does not validate (or is beyond what a recipe spec carries, {@link ViewRecipes}), or a clean record or example (the
 * clean input, the views, and the masks and targets of a pretext recipe) larger than a Kafka record may be fails with
 * a {@link ConfigException}.
 *
 * <p>The pretext recipes' knobs ({@link PretextKeys}) sit under the prefix of the method that uses them:
 * {@code mae.patch.size} (4) and {@code mae.mask.ratio} (0.75); {@code jigsaw.grid} (3), {@code jigsaw.permutations}
 * (100), {@code jigsaw.gap} (2) and {@code jigsaw.tile.size} (16); {@code inpainting.region} (0.5);
 * {@code denoising.noise.std} (0.1) and {@code denoising.drop} (0.25); and {@code pretext.crop.scale.min} (0.2), the
 * base crop of all six. The audio settings ({@link AudioKeys}, under {@code audio.}) hold the canonical clip
 * ({@code audio.sample.rate} 16000, {@code audio.clip.seconds} 1.0), the WAV limits ({@code audio.max.bytes} 16 MiB
 * less 64 KiB, {@code audio.max.channels} 8, {@code audio.max.seconds} 60) and the audio recipes' knobs (crops,
 * log-mel, gain, noise, shift, mixing, SpecAugment); the masked-patches recipe of audio reads {@code mae.patch.size}
 * (unset: 8) and {@code mae.mask.ratio} too.
 */
public class StreamAppConfig extends AbstractConfig {
    private static final String KAFKA = "Kafka";
    private static final String IMAGE = "Image";
    private static final String EXAMPLES = "Examples";

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to connect to, host:port[,host:port...].";

    public static final String APPLICATION_ID_CONFIG = "application.id";
    public static final String APPLICATION_ID_DEFAULT = "autodidact-stream-app";
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id: consumer group, transactional id"
            + " and state directory prefix. Instances with the same id share the work.";

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String TOPIC_PREFIX_DEFAULT = Topics.DEFAULT_PREFIX;
    private static final String TOPIC_PREFIX_DOC =
            "Prefix of every topic name, e.g. 'autodidact.' gives" + " 'autodidact.raw.image'.";

    public static final String TOPIC_PARTITIONS_CONFIG = "topic.partitions";
    public static final int TOPIC_PARTITIONS_DEFAULT = 1;
    private static final String TOPIC_PARTITIONS_DOC = "Partitions of the topics the app creates when they are missing;"
            + " existing topics are left as they are.";

    public static final String IMAGE_SIZE_CONFIG = "image.size";
    public static final int IMAGE_SIZE_DEFAULT = 32;
    private static final String IMAGE_SIZE_DOC = "Side in pixels of the canonical square image on clean.image and of"
            + " every view on the examples topics (each example also carries the canonical image as its input).";

    public static final String IMAGE_MAX_BYTES_CONFIG = "image.max.bytes";
    public static final long IMAGE_MAX_BYTES_DEFAULT = ImageLimits.DEFAULT_MAX_BYTES;
    private static final String IMAGE_MAX_BYTES_DOC = "Largest encoded image accepted; larger records go to the"
            + " dead-letter topic with reason too-many-bytes.";

    public static final String IMAGE_MAX_PIXELS_CONFIG = "image.max.pixels";
    public static final long IMAGE_MAX_PIXELS_DEFAULT = ImageLimits.DEFAULT_MAX_PIXELS;
    private static final String IMAGE_MAX_PIXELS_DOC = "Most pixels (width x height, read from the header before"
            + " decoding) accepted; larger images go to the dead-letter topic with reason too-many-pixels.";

    public static final String IMAGE_MAX_SIDE_CONFIG = "image.max.side";
    public static final int IMAGE_MAX_SIDE_DEFAULT = ImageLimits.DEFAULT_MAX_SIDE;
    private static final String IMAGE_MAX_SIDE_DOC = "Longest width or height accepted (reason too-many-pixels).";

    public static final String MODALITY_CONFIG = "modality";
    public static final String MODALITY_DEFAULT = Modality.IMAGE.id();
    /** The modalities the stream-app has a topology for. */
    public static final List<String> MODALITIES = List.of(Modality.IMAGE.id(), Modality.AUDIO.id());

    private static final String MODALITY_DOC = "The media the app turns into examples: image (raw.image -> clean.image"
            + " and examples.image.<method>) or audio (raw.audio, WAV files -> clean.audio and"
            + " examples.audio.<method>). Every configured method must learn from it.";

    public static final String METHODS_CONFIG = "methods";
    public static final String METHODS_DEFAULT = "simclr";
    private static final String METHODS_DOC = "SSL methods to make training examples for, one examples topic each;"
            + " any of the catalogue's methods of the modality: image methods " + ImageViewRecipes.names()
            + ", audio methods " + AudioViewRecipes.names() + ". Each gets the kind of example the catalogue names"
            + " for it: on images two views, multi-crop, or a pretext task's views with its masks or targets (masked"
            + " patches, rotation, jigsaw, inpainting, colorization, denoising); on audio two log-mel views, a masked"
            + " log-mel spectrogram, or a raw waveform crop.";

    public static final String VIEWS_CONFIG = "views";
    public static final int VIEWS_DEFAULT = 2;
    private static final String VIEWS_DOC = "Augmented views per " + ImageViewRecipes.VIEWS_SETTING_METHOD
            + " example. The other two-view methods always get 2 views, multi-crop methods 2 + dino.local.crops.";

    public static final String SEED_CONFIG = "seed";

    private static final String MULTI_CROP = "DINO multi-crop views";
    public static final String DINO_LOCAL_CROPS_CONFIG = "dino.local.crops";
    public static final int DINO_LOCAL_CROPS_DEFAULT = 6;
    private static final String DINO_LOCAL_CROPS_DOC = "Local crops per dino example after the 2 global crops (the"
            + " paper's 2x224 + 6x96 setting; a step then costs about 2.4 SimCLR steps on 2 CPU cores). Must match the"
            + " learner's dino.local.crops.";
    public static final String DINO_LOCAL_SIZE_CONFIG = "dino.local.size";
    private static final String DINO_LOCAL_SIZE_DOC =
            "Side of the local crops; 0 for half of image.size (DINO: 96 for" + " 224).";
    public static final String DINO_GLOBAL_SCALE_MIN_CONFIG = "dino.global.scale.min";
    public static final String DINO_GLOBAL_SCALE_MAX_CONFIG = "dino.global.scale.max";
    public static final String DINO_LOCAL_SCALE_MIN_CONFIG = "dino.local.scale.min";
    public static final String DINO_LOCAL_SCALE_MAX_CONFIG = "dino.local.scale.max";

    /** Forward a record to the clean topic only when its key is new or its pixels changed. */
    public static final String DEDUP_ENABLED_CONFIG = "dedup.enabled";

    private static final String DEDUP_ENABLED_DOC = "Forward a record to the clean topic only when its key is new or "
            + "its canonical pixels changed (a changelogged store keeps a hash per key). Examples are made for every "
            + "valid record either way, so re-feeding a folder yields fresh views without re-embedding it.";
    public static final long SEED_DEFAULT = 0L;
    private static final String SEED_DOC = "Seed of the augmentations. Each record's generator is seeded from this"
            + " seed and the record's topic, partition and offset, so reprocessing a record gives the same views.";

    public static final String POISON_MAX_FAILURES_CONFIG = "poison.max.failures";
    public static final int POISON_MAX_FAILURES_DEFAULT = 3;
    private static final String POISON_MAX_FAILURES_DOC = "How often one raw record may kill a stream thread (an Error"
            + " while processing it, or a production error that fails the thread) before it goes to the dead-letter"
            + " topic with reason repeated-failure. Under exactly-once a replaced thread starts again from the last"
            + " commit, so without this bound such a record would be replayed forever.";

    public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
    public static final long COMMIT_INTERVAL_MS_DEFAULT = 100L;
    private static final String COMMIT_INTERVAL_MS_DOC = "How often Kafka Streams commits its transaction; the latency"
            + " floor for read_committed consumers of the output topics.";

    public static final String STATE_DIR_CONFIG = "state.dir";
    private static final String STATE_DIR_DOC = "Kafka Streams state directory; unset, the Kafka Streams default.";

    public static final String STARTUP_TIMEOUT_MS_CONFIG = "startup.timeout.ms";
    public static final long STARTUP_TIMEOUT_MS_DEFAULT = 60_000L;
    private static final String STARTUP_TIMEOUT_MS_DOC = "How long StreamApp.start waits for Kafka Streams to run.";

    private static final ConfigDef CONFIG = AudioKeys.define(PretextKeys.define(SimClrKeys.define(new ConfigDef()
            .define(
                    BOOTSTRAP_SERVERS_CONFIG,
                    Type.LIST,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ValidList.anyNonDuplicateValues(false, false),
                    Importance.HIGH,
                    BOOTSTRAP_SERVERS_DOC,
                    KAFKA,
                    1,
                    ConfigDef.Width.LONG,
                    "Bootstrap servers")
            .define(
                    APPLICATION_ID_CONFIG,
                    Type.STRING,
                    APPLICATION_ID_DEFAULT,
                    new NonEmptyString(),
                    Importance.HIGH,
                    APPLICATION_ID_DOC,
                    KAFKA,
                    2,
                    ConfigDef.Width.MEDIUM,
                    "Application id")
            .define(
                    TOPIC_PREFIX_CONFIG,
                    Type.STRING,
                    TOPIC_PREFIX_DEFAULT,
                    ConfigChecks.TOPIC_CHARACTERS,
                    Importance.MEDIUM,
                    TOPIC_PREFIX_DOC,
                    KAFKA,
                    3,
                    ConfigDef.Width.MEDIUM,
                    "Topic prefix")
            .define(
                    TOPIC_PARTITIONS_CONFIG,
                    Type.INT,
                    TOPIC_PARTITIONS_DEFAULT,
                    Range.atLeast(1),
                    Importance.MEDIUM,
                    TOPIC_PARTITIONS_DOC,
                    KAFKA,
                    4,
                    ConfigDef.Width.SHORT,
                    "Topic partitions")
            .define(
                    COMMIT_INTERVAL_MS_CONFIG,
                    Type.LONG,
                    COMMIT_INTERVAL_MS_DEFAULT,
                    Range.atLeast(0),
                    Importance.MEDIUM,
                    COMMIT_INTERVAL_MS_DOC,
                    KAFKA,
                    5,
                    ConfigDef.Width.SHORT,
                    "Commit interval")
            .define(
                    STATE_DIR_CONFIG,
                    Type.STRING,
                    null,
                    Importance.LOW,
                    STATE_DIR_DOC,
                    KAFKA,
                    6,
                    ConfigDef.Width.LONG,
                    "State directory")
            .define(
                    STARTUP_TIMEOUT_MS_CONFIG,
                    Type.LONG,
                    STARTUP_TIMEOUT_MS_DEFAULT,
                    Range.atLeast(1),
                    Importance.LOW,
                    STARTUP_TIMEOUT_MS_DOC,
                    KAFKA,
                    7,
                    ConfigDef.Width.SHORT,
                    "Startup timeout")
            .define(
                    POISON_MAX_FAILURES_CONFIG,
                    Type.INT,
                    POISON_MAX_FAILURES_DEFAULT,
                    Range.between(1, 1000),
                    Importance.LOW,
                    POISON_MAX_FAILURES_DOC,
                    KAFKA,
                    8,
                    ConfigDef.Width.SHORT,
                    "Poison max failures")
            .define(
                    IMAGE_SIZE_CONFIG,
                    Type.INT,
                    IMAGE_SIZE_DEFAULT,
                    Range.between(1, ViewRecipes.MAX_CROP_SIZE),
                    Importance.HIGH,
                    IMAGE_SIZE_DOC,
                    IMAGE,
                    1,
                    ConfigDef.Width.SHORT,
                    "Image size")
            .define(
                    IMAGE_MAX_BYTES_CONFIG,
                    Type.LONG,
                    IMAGE_MAX_BYTES_DEFAULT,
                    Range.between(1, SizeLimitedSerde.MAX_VALUE_BYTES),
                    Importance.MEDIUM,
                    IMAGE_MAX_BYTES_DOC,
                    IMAGE,
                    2,
                    ConfigDef.Width.SHORT,
                    "Max image bytes")
            .define(
                    IMAGE_MAX_PIXELS_CONFIG,
                    Type.LONG,
                    IMAGE_MAX_PIXELS_DEFAULT,
                    Range.atLeast(1),
                    Importance.MEDIUM,
                    IMAGE_MAX_PIXELS_DOC,
                    IMAGE,
                    3,
                    ConfigDef.Width.SHORT,
                    "Max image pixels")
            .define(
                    IMAGE_MAX_SIDE_CONFIG,
                    Type.INT,
                    IMAGE_MAX_SIDE_DEFAULT,
                    Range.atLeast(1),
                    Importance.LOW,
                    IMAGE_MAX_SIDE_DOC,
                    IMAGE,
                    4,
                    ConfigDef.Width.SHORT,
                    "Max image side")
            .define(
                    METHODS_CONFIG,
                    Type.LIST,
                    METHODS_DEFAULT,
                    ConfigChecks.METHODS,
                    Importance.HIGH,
                    METHODS_DOC,
                    EXAMPLES,
                    1,
                    ConfigDef.Width.MEDIUM,
                    "Methods")
            .define(
                    VIEWS_CONFIG,
                    Type.INT,
                    VIEWS_DEFAULT,
                    Range.between(1, ViewRecipes.MAX_VIEWS),
                    Importance.MEDIUM,
                    VIEWS_DOC,
                    EXAMPLES,
                    2,
                    ConfigDef.Width.SHORT,
                    "Views")
            .define(
                    SEED_CONFIG,
                    Type.LONG,
                    SEED_DEFAULT,
                    Importance.LOW,
                    SEED_DOC,
                    EXAMPLES,
                    3,
                    ConfigDef.Width.SHORT,
                    "Seed")
            .define(
                    DEDUP_ENABLED_CONFIG,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    DEDUP_ENABLED_DOC,
                    IMAGE,
                    5,
                    ConfigDef.Width.SHORT,
                    "Deduplicate clean records")
            .define(
                    DINO_LOCAL_CROPS_CONFIG,
                    Type.INT,
                    DINO_LOCAL_CROPS_DEFAULT,
                    Range.between(0, ViewRecipes.MAX_LOCAL_CROPS),
                    Importance.MEDIUM,
                    DINO_LOCAL_CROPS_DOC,
                    MULTI_CROP,
                    1,
                    ConfigDef.Width.SHORT,
                    "Local crops")
            .define(
                    DINO_LOCAL_SIZE_CONFIG,
                    Type.INT,
                    0,
                    Range.between(0, ViewRecipes.MAX_CROP_SIZE),
                    Importance.MEDIUM,
                    DINO_LOCAL_SIZE_DOC,
                    MULTI_CROP,
                    2,
                    ConfigDef.Width.SHORT,
                    "Local crop size")
            .define(
                    DINO_GLOBAL_SCALE_MIN_CONFIG,
                    Type.DOUBLE,
                    0.4,
                    Range.between(0, 1),
                    Importance.LOW,
                    "Smallest area fraction of a global crop.",
                    MULTI_CROP,
                    3,
                    ConfigDef.Width.SHORT,
                    "Global min")
            .define(
                    DINO_GLOBAL_SCALE_MAX_CONFIG,
                    Type.DOUBLE,
                    1.0,
                    Range.between(0, 1),
                    Importance.LOW,
                    "Largest area fraction of a global crop.",
                    MULTI_CROP,
                    4,
                    ConfigDef.Width.SHORT,
                    "Global max")
            .define(
                    DINO_LOCAL_SCALE_MIN_CONFIG,
                    Type.DOUBLE,
                    0.05,
                    Range.between(0, 1),
                    Importance.LOW,
                    "Smallest area fraction of a local crop.",
                    MULTI_CROP,
                    5,
                    ConfigDef.Width.SHORT,
                    "Local min")
            .define(
                    DINO_LOCAL_SCALE_MAX_CONFIG,
                    Type.DOUBLE,
                    0.4,
                    Range.between(0, 1),
                    Importance.LOW,
                    "Largest area fraction of a local crop.",
                    MULTI_CROP,
                    6,
                    ConfigDef.Width.SHORT,
                    "Local max")
            .define(
                    MODALITY_CONFIG,
                    Type.STRING,
                    MODALITY_DEFAULT,
                    ConfigDef.CaseInsensitiveValidString.in(MODALITIES.toArray(String[]::new)),
                    Importance.HIGH,
                    MODALITY_DOC,
                    EXAMPLES,
                    0,
                    ConfigDef.Width.SHORT,
                    "Modality"))));

    private final SimClrAugmentation simClr;
    private final MultiCropRecipe multiCrop;

    /**
     * Parses and checks settings.
     *
     * @param props settings, e.g. a {@link java.util.Properties} loaded from a file; values may be strings or typed
     * @throws ConfigException naming the first key that is missing or invalid
     */
    public StreamAppConfig(Map<?, ?> props) {
        super(CONFIG, props, false);
        ConfigChecks.rejectUnknownOwnKeys(originals().keySet(), CONFIG.names());
        StreamsProperties.checkNotOverridden(clientProperties());
        simClr = SimClrKeys.augmentation(this, imageSize());
        multiCrop = buildMultiCrop();
        if (modality() == Modality.AUDIO) {
            checkAudio();
        } else {
            checkImage();
        }
    }

    private void checkImage() {
        ConfigChecks.checkExampleFits("A clean record", List.of(imageSize()));
        for (String method : methods()) {
            ViewRecipe recipe = ImageViewRecipes.forMethod(methodOfModality(method), this);
            ConfigChecks.checkExampleFits(
                    "An example for " + method,
                    ImageExamplesProcessor.imageSides(imageSize(), recipe),
                    ImageExamplesProcessor.arrayBytes(recipe));
        }
    }

    private void checkAudio() {
        int samples = AudioKeys.canonicalizer(this).clipSamples();
        ConfigChecks.checkAudioExampleFits("A clean audio record", List.of(2L * samples));
        for (String method : methods()) {
            AudioRecipe recipe = AudioViewRecipes.forMethod(methodOfModality(method), this);
            ConfigChecks.checkAudioExampleFits(
                    "An audio example for " + method, AudioExamplesProcessor.arrayBytes(samples, recipe));
        }
    }

    /** @throws ConfigException naming {@code methods} if {@code method} does not learn from {@link #modality()} */
    private String methodOfModality(String method) {
        try {
            if (modality() == Modality.AUDIO) {
                AudioViewRecipes.entry(method);
            } else {
                ImageViewRecipes.entry(method);
            }
            return method;
        } catch (ConfigException e) {
            throw new ConfigException(METHODS_CONFIG, getList(METHODS_CONFIG), e.getMessage());
        }
    }

    /** @return the definition of every key, for documentation ({@code toHtml()}, {@code toRst()}) and CLI help */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /**
     * @return the names of the pretext recipes' settings ({@code mae.patch.size}, {@code jigsaw.grid}, ...): the
     *     learner's methods read the same keys, so {@code pretrain} and {@code demo} forward them from the learner's
     *     settings, as they do the {@code dino.*} keys
     */
    public static Set<String> pretextSettings() {
        return PretextKeys.names();
    }

    /**
     * @return the names of the audio settings ({@code audio.*}): the learner reads the clip and log-mel ones too, so
     *     {@code pretrain} forwards them from the learner's settings
     */
    public static Set<String> audioSettings() {
        return AudioKeys.names();
    }

    /** @return the modality whose topology the app runs */
    public Modality modality() {
        return Modality.of(getString(MODALITY_CONFIG).toLowerCase(Locale.ROOT));
    }

    /** @return a canonicalizer to the configured audio clip, decoding within the configured limits */
    public AudioCanonicalizer audioCanonicalizer() {
        return AudioKeys.canonicalizer(this);
    }

    /** @return how many recent clean clips each task keeps to mix from ({@code audio.mix.clips}) */
    public int audioMixClips() {
        return getInt(AudioKeys.MIX_CLIPS_CONFIG);
    }

    /** @return brokers as {@code host:port} strings */
    public List<String> bootstrapServers() {
        return getList(BOOTSTRAP_SERVERS_CONFIG);
    }

    /** @return the Kafka Streams application id */
    public String applicationId() {
        return getString(APPLICATION_ID_CONFIG);
    }

    /** @return topic names under {@code topic.prefix}, created with {@code topic.partitions} partitions */
    public Topics topics() {
        return new Topics(getString(TOPIC_PREFIX_CONFIG), getInt(TOPIC_PARTITIONS_CONFIG));
    }

    /** @return side of the canonical image and of every view */
    public int imageSize() {
        return getInt(IMAGE_SIZE_CONFIG);
    }

    /** @return the limits every raw image must meet */
    public ImageLimits imageLimits() {
        return new ImageLimits(
                getLong(IMAGE_MAX_BYTES_CONFIG), getLong(IMAGE_MAX_PIXELS_CONFIG), getInt(IMAGE_MAX_SIDE_CONFIG));
    }

    /** @return whether unchanged records are held back from the clean topic */
    public boolean dedupEnabled() {
        return getBoolean(DEDUP_ENABLED_CONFIG);
    }

    /** @return the SSL methods to make examples for, in configured order */
    public List<String> methods() {
        return getList(METHODS_CONFIG);
    }

    /** @return views per {@value ImageViewRecipes#VIEWS_SETTING_METHOD} example */
    public int views() {
        return getInt(VIEWS_CONFIG);
    }

    /** @return the SimCLR recipe: {@link SimClrAugmentation#defaultsFor(int)} with the {@code simclr.*} knobs set */
    public SimClrAugmentation simClrAugmentation() {
        return simClr;
    }

    /** @return the side of DINO's local crops: {@code dino.local.size}, or half of {@code image.size} when 0 */
    public int dinoLocalSize() {
        int size = getInt(DINO_LOCAL_SIZE_CONFIG);
        return size > 0 ? size : Math.max(1, imageSize() / 2);
    }

    /**
     * @return DINO's multi-crop recipe: 2 global crops of {@code image.size} and {@code dino.local.crops} local ones of
     *     {@link #dinoLocalSize()} per example
     */
    public MultiCropRecipe multiCrop() {
        return multiCrop;
    }

    private MultiCropRecipe buildMultiCrop() {
        try {
            SimClrAugmentation global = simClr.toBuilder()
                    .optScaleMin(getDouble(DINO_GLOBAL_SCALE_MIN_CONFIG))
                    .optScaleMax(getDouble(DINO_GLOBAL_SCALE_MAX_CONFIG))
                    .build();
            SimClrAugmentation local = simClr.toBuilder()
                    .setCropSize(dinoLocalSize())
                    .optScaleMin(getDouble(DINO_LOCAL_SCALE_MIN_CONFIG))
                    .optScaleMax(getDouble(DINO_LOCAL_SCALE_MAX_CONFIG))
                    .build();
            return new MultiCropRecipe(global, local, getInt(DINO_LOCAL_CROPS_CONFIG));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid DINO multi-crop recipe (dino.* settings): " + e.getMessage());
        }
    }

    /** @return the augmentation seed */
    public long seed() {
        return getLong(SEED_CONFIG);
    }

    /** @return how often Kafka Streams commits */
    public Duration commitInterval() {
        return Duration.ofMillis(getLong(COMMIT_INTERVAL_MS_CONFIG));
    }

    /** @return the Kafka Streams state directory, if set */
    public Optional<Path> stateDir() {
        return Optional.ofNullable(getString(STATE_DIR_CONFIG)).map(Path::of);
    }

    /** @return how long start-up waits for Kafka Streams to reach RUNNING */
    public Duration startupTimeout() {
        return Duration.ofMillis(getLong(STARTUP_TIMEOUT_MS_CONFIG));
    }

    /** @return how often one raw record may kill a stream thread before it is dead-lettered */
    public int poisonMaxFailures() {
        return getInt(POISON_MAX_FAILURES_CONFIG);
    }

    /** @return every setting this class does not define, as given: Kafka client and Kafka Streams settings */
    public Map<String, Object> clientProperties() {
        Map<String, Object> client = originals();
        client.keySet().removeAll(CONFIG.names());
        return client;
    }
}
