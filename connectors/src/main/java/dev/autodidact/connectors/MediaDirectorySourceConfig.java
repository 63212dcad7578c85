package dev.autodidact.connectors;

import dev.autodidact.connectors.internal.ModalityValidator;
import dev.autodidact.connectors.internal.TopicNameValidator;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of {@link MediaDirectorySourceConnector} and its tasks. Every value is checked when the config is built,
 * so a bad setting fails the connector at start-up (and in Connect's validate call) with the key in the message.
 */
public final class MediaDirectorySourceConfig extends AbstractConfig {
    public static final String DIRECTORY_CONFIG = "directory";
    private static final String DIRECTORY_DOC = "Directory to watch, recursively. The files of the modality (image:"
            + " png, jpg, jpeg, bmp, gif; audio: wav, wave) and such entries of zip archives are published; other"
            + " files and hidden files are skipped. In distributed mode every worker that runs a task must see the"
            + " same directory.";

    public static final String MODALITY_CONFIG = "modality";
    public static final String MODALITY_DEFAULT = Modality.IMAGE.id();
    private static final String MODALITY_DOC = "Modality of the media, which names the raw topic and the files"
            + " published: 'image' or 'audio' (WAV recordings, content type audio/wav, for raw.audio).";

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String TOPIC_PREFIX_DEFAULT = Topics.DEFAULT_PREFIX;
    private static final String TOPIC_PREFIX_DOC =
            "Prefix of autodidact's topics; records go to " + "'<prefix>raw.<modality>' unless 'topic' is set.";

    public static final String TOPIC_CONFIG = "topic";
    private static final String TOPIC_DOC = "Explicit destination topic; overrides 'topic.prefix' and 'modality'.";

    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final long POLL_INTERVAL_MS_DEFAULT = 1000L;
    private static final String POLL_INTERVAL_MS_DOC =
            "Time between two scans of the directory once everything " + "found has been sent.";

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    public static final int BATCH_SIZE_DEFAULT = 100;
    private static final String BATCH_SIZE_DOC = "Most records one poll returns.";

    public static final String BATCH_MAX_BYTES_CONFIG = "batch.max.bytes";
    public static final long BATCH_MAX_BYTES_DEFAULT = 32L * 1024 * 1024;
    private static final String BATCH_MAX_BYTES_DOC = "A poll stops adding files once their bytes reach this, so a "
            + "batch of large files does not exhaust the worker's heap. One file is always taken.";

    public static final String MAX_FILE_BYTES_CONFIG = "max.file.bytes";
    /** 16 MiB less 64 KiB for key, headers and batch overhead: the largest value the raw topic's limit admits. */
    public static final int MAX_FILE_BYTES_DEFAULT = Topics.MAX_MESSAGE_BYTES - 64 * 1024;

    private static final String MAX_FILE_BYTES_DOC = "Larger files are skipped with a WARN log and counted in the "
            + "task metric 'oversized-files-skipped-total'. Producer 'max.request.size' and the topic's "
            + "'max.message.bytes' must admit this plus the key and headers.";

    public static final String INCLUDE_ARCHIVES_CONFIG = "include.archives";
    public static final boolean INCLUDE_ARCHIVES_DEFAULT = true;
    private static final String INCLUDE_ARCHIVES_DOC = "Whether the entries of zip archives are published. "
            + "An entry's modification time is its archive's: rewriting an archive re-sends its entries.";

    /** Set by the connector for each task: this task's index among {@link #TASK_COUNT_CONFIG}. */
    static final String TASK_INDEX_CONFIG = "task.index";
    /** Set by the connector for each task: how many tasks split the directory. */
    static final String TASK_COUNT_CONFIG = "task.count";

    /** The definition every key above is parsed and documented from. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(
                    DIRECTORY_CONFIG,
                    Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    DIRECTORY_DOC)
            .define(
                    MODALITY_CONFIG,
                    Type.STRING,
                    MODALITY_DEFAULT,
                    new ModalityValidator(),
                    Importance.MEDIUM,
                    MODALITY_DOC)
            .define(
                    TOPIC_PREFIX_CONFIG,
                    Type.STRING,
                    TOPIC_PREFIX_DEFAULT,
                    TopicNameValidator.prefix(),
                    Importance.MEDIUM,
                    TOPIC_PREFIX_DOC)
            .define(TOPIC_CONFIG, Type.STRING, null, TopicNameValidator.optionalName(), Importance.MEDIUM, TOPIC_DOC)
            .define(
                    POLL_INTERVAL_MS_CONFIG,
                    Type.LONG,
                    POLL_INTERVAL_MS_DEFAULT,
                    Range.atLeast(1),
                    Importance.MEDIUM,
                    POLL_INTERVAL_MS_DOC)
            .define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Range.atLeast(1), Importance.LOW, BATCH_SIZE_DOC)
            .define(
                    BATCH_MAX_BYTES_CONFIG,
                    Type.LONG,
                    BATCH_MAX_BYTES_DEFAULT,
                    Range.atLeast(1),
                    Importance.LOW,
                    BATCH_MAX_BYTES_DOC)
            .define(
                    MAX_FILE_BYTES_CONFIG,
                    Type.INT,
                    MAX_FILE_BYTES_DEFAULT,
                    Range.between(1, Integer.MAX_VALUE - 8),
                    Importance.MEDIUM,
                    MAX_FILE_BYTES_DOC)
            .define(
                    INCLUDE_ARCHIVES_CONFIG,
                    Type.BOOLEAN,
                    INCLUDE_ARCHIVES_DEFAULT,
                    Importance.LOW,
                    INCLUDE_ARCHIVES_DOC)
            .defineInternal(
                    TASK_INDEX_CONFIG,
                    Type.INT,
                    0,
                    Range.atLeast(0),
                    Importance.LOW,
                    "Set by the connector: this task's index.")
            .defineInternal(
                    TASK_COUNT_CONFIG,
                    Type.INT,
                    1,
                    Range.atLeast(1),
                    Importance.LOW,
                    "Set by the connector: how many tasks split the directory.");

    /**
     * @param props the connector's or a task's properties
     * @throws org.apache.kafka.common.config.ConfigException if a value is missing or invalid
     */
    public MediaDirectorySourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    /** @return the watched directory, absolute and normalized: it also names the Connect source partitions */
    public Path directory() {
        return Path.of(getString(DIRECTORY_CONFIG)).toAbsolutePath().normalize();
    }

    /** @return the modality of the media */
    public Modality modality() {
        return Modality.of(getString(MODALITY_CONFIG));
    }

    /** @return which files the directory walk publishes: the modality's, images or WAV recordings */
    public MediaKind mediaKind() {
        return MediaKind.of(modality().id());
    }

    /** @return the destination topic: {@code topic} if set, else {@code <topic.prefix>raw.<modality>} */
    public String topic() {
        String explicit = getString(TOPIC_CONFIG);
        if (explicit != null && !explicit.isEmpty()) {
            return explicit;
        }
        return new Topics(getString(TOPIC_PREFIX_CONFIG)).raw(modality());
    }

    /** @return the pause between scans */
    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS_CONFIG));
    }

    /** @return the most records per poll */
    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }

    /** @return the byte budget of one poll */
    public long batchMaxBytes() {
        return getLong(BATCH_MAX_BYTES_CONFIG);
    }

    /** @return the largest file sent; larger ones are skipped and counted */
    public int maxFileBytes() {
        return getInt(MAX_FILE_BYTES_CONFIG);
    }

    /** @return whether zip entries are sent */
    public boolean includeArchives() {
        return getBoolean(INCLUDE_ARCHIVES_CONFIG);
    }

    int taskIndex() {
        return getInt(TASK_INDEX_CONFIG);
    }

    int taskCount() {
        return getInt(TASK_COUNT_CONFIG);
    }
}
