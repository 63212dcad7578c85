package dev.autodidact.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDirectorySourceConnectorTest {
    @TempDir
    Path dir;

    @Test
    void shouldSplitFilesAcrossTasksWithoutOverlapOrGap() throws Exception {
        MediaFolder folder = new MediaFolder(dir);
        for (int i = 0; i < 30; i++) {
            folder.write("c" + (i % 3) + "/img" + i + ".png", MediaFolder.bytes(8, i), 1_000L);
        }
        MediaDirectorySourceConnector connector = started(Map.of("tasks.max", "3"));
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertThat(configs).hasSize(3);

        List<Object> keys = new ArrayList<>();
        FakeTaskContext context = new FakeTaskContext();
        for (Map<String, String> config : configs) {
            MediaDirectorySourceTask task = new MediaDirectorySourceTask();
            task.initialize(context);
            task.start(config);
            List<SourceRecord> records = MediaDirectorySourceTaskTest.drain(task);
            assertThat(records).as("task %s", config.get("task.index")).isNotEmpty();
            records.forEach(r -> keys.add(r.key()));
            task.stop();
        }
        assertThat(keys).hasSize(30).doesNotHaveDuplicates();
        assertThat(connector.taskConfigs(3)).isEqualTo(configs);
    }

    @Test
    void shouldRunOneTaskWhenAskedForOne() {
        List<Map<String, String>> configs = started(Map.of()).taskConfigs(1);
        assertThat(configs).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("task.index", "0").containsEntry("task.count", "1");
            assertThat(c).containsEntry("directory", dir.toString());
        });
    }

    @Test
    void shouldReportMissingDirectoryWhenValidating() {
        Config result = new MediaDirectorySourceConnector()
                .validate(Map.of("directory", dir.resolve("missing").toString(), "batch.size", "0"));
        assertThat(errors(result, "directory")).singleElement().asString().contains("Not a directory");
        assertThat(errors(result, "batch.size")).isNotEmpty();
        assertThat(errors(result, "modality")).isEmpty();
    }

    @Test
    void shouldRefuseToStartOnMissingDirectory() {
        MediaDirectorySourceConnector connector = new MediaDirectorySourceConnector();
        Map<String, String> props = Map.of("directory", dir.resolve("missing").toString());
        assertThatThrownBy(() -> connector.start(props))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Not a directory");
    }

    @Test
    void shouldAcceptOnlyOffsetsOfItsOwnShape() {
        MediaDirectorySourceConnector connector = new MediaDirectorySourceConnector();
        Map<String, ?> partition = Map.of("directory", dir.toString(), "file", "a.png");
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, Map.of("last.modified", 5L, "size", 10L));
        assertThat(connector.alterOffsets(Map.of(), offsets)).isTrue();
        offsets.put(partition, null);
        assertThat(connector.alterOffsets(Map.of(), offsets)).isTrue();

        offsets.put(partition, Map.of("position", 3L));
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), offsets)).isInstanceOf(ConnectException.class);
        Map<Map<String, ?>, Map<String, ?>> badPartition =
                Map.of(Map.of("filename", "a.png"), Map.of("last.modified", 5L, "size", 10L));
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), badPartition)).isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldDeclareVersionTaskClassAndExactlyOnceSupport() {
        MediaDirectorySourceConnector connector = new MediaDirectorySourceConnector();
        assertThat(connector.version())
                .isEqualTo(MediaDirectorySourceConnector.VERSION)
                .isNotBlank();
        assertThat(new MediaDirectorySourceTask().version()).isEqualTo(connector.version());
        assertThat(connector.taskClass()).isEqualTo(MediaDirectorySourceTask.class);
        assertThat(connector.config().names())
                .contains(
                        "directory",
                        "modality",
                        "topic.prefix",
                        "topic",
                        "poll.interval.ms",
                        "batch.size",
                        "max.file.bytes",
                        "include.archives");
        assertThat(connector.exactlyOnceSupport(Map.of())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }

    private MediaDirectorySourceConnector started(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("directory", dir.toString(), "poll.interval.ms", "10"));
        props.putAll(extra);
        MediaDirectorySourceConnector connector = new MediaDirectorySourceConnector();
        connector.start(props);
        return connector;
    }

    private static List<String> errors(Config config, String name) {
        return config.configValues().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .map(ConfigValue::errorMessages)
                .orElseThrow();
    }
}
