package dev.autodidact.connectors;

import dev.autodidact.connectors.internal.FileOffsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect source that publishes the media files of a directory (zip archives included) to autodidact's raw
 * topic, {@code <topic.prefix>raw.<modality>} (images for {@code image}, WAV recordings for {@code audio}): key = file
 * id, value = the bytes, headers {@code content-type}, {@code source} and {@code event-time}. New and modified files
 * are sent as they appear; unchanged files are not sent again, across restarts too, since each file's last sent
 * modification time and size are its Connect source offset.
 *
 * <p>{@code tasks.max} tasks split the files by a hash of their id. Settings: {@link MediaDirectorySourceConfig}.
 * Use {@code StringConverter} for keys and {@code ByteArrayConverter} for values so that the records match what the
 * {@code ingest} command writes.
 */
public final class MediaDirectorySourceConnector extends SourceConnector {
    /** The plugin version Connect reports. */
    public static final String VERSION = "0.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(MediaDirectorySourceConnector.class);

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        MediaDirectorySourceConfig config = new MediaDirectorySourceConfig(props);
        if (!Files.isDirectory(config.directory())) {
            throw new ConnectException("Not a directory: " + config.directory() + " ("
                    + MediaDirectorySourceConfig.DIRECTORY_CONFIG + ")");
        }
        this.props = Map.copyOf(props);
        LOG.info("Media directory source for {} to {}", config.directory(), config.topic());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MediaDirectorySourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        int count = Math.max(1, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(MediaDirectorySourceConfig.TASK_INDEX_CONFIG, Integer.toString(i));
            task.put(MediaDirectorySourceConfig.TASK_COUNT_CONFIG, Integer.toString(count));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return MediaDirectorySourceConfig.CONFIG_DEF;
    }

    /** Adds to the per-key checks that {@code directory} exists and is a directory on this worker. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        for (ConfigValue value : config.configValues()) {
            if (value.name().equals(MediaDirectorySourceConfig.DIRECTORY_CONFIG)
                    && value.errorMessages().isEmpty()
                    && value.value() instanceof String dir) {
                checkDirectory(value, dir);
            }
        }
        return config;
    }

    private static void checkDirectory(ConfigValue value, String dir) {
        try {
            if (!Files.isDirectory(Path.of(dir))) {
                value.addErrorMessage("Not a directory: " + Path.of(dir).toAbsolutePath());
            }
        } catch (InvalidPathException e) {
            value.addErrorMessage("Not a path: " + e.getMessage());
        }
    }

    /** Each record's offset is committed with it, so exactly-once delivery (KIP-618) holds. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Accepts offsets of this connector's shape; a null offset makes the file count as new. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        offsets.forEach(FileOffsets::validate);
        return true;
    }
}
