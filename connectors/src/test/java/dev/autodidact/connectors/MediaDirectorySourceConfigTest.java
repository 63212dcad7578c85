package dev.autodidact.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.source.MediaKind;
import dev.autodidact.schema.Modality;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaDirectorySourceConfigTest {

    @Test
    void shouldApplyDefaults() {
        MediaDirectorySourceConfig config = config(Map.of());
        assertThat(config.directory()).isEqualTo(Path.of("media").toAbsolutePath());
        assertThat(config.modality()).isEqualTo(Modality.IMAGE);
        assertThat(config.topic()).isEqualTo("autodidact.raw.image");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.batchSize()).isEqualTo(100);
        assertThat(config.batchMaxBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.maxFileBytes()).isEqualTo(16 * 1024 * 1024 - 64 * 1024);
        assertThat(config.includeArchives()).isTrue();
        assertThat(config.taskIndex()).isZero();
        assertThat(config.taskCount()).isEqualTo(1);
    }

    @Test
    void shouldRequireDirectory() {
        assertThatThrownBy(() -> new MediaDirectorySourceConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("directory");
        assertThatThrownBy(() -> config(Map.of("directory", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("directory");
    }

    @Test
    void shouldDeriveRawTopicFromPrefixUnlessTopicIsSet() {
        assertThat(config(Map.of("topic.prefix", "lab-1.")).topic()).isEqualTo("lab-1.raw.image");
        assertThat(config(Map.of("topic.prefix", "")).topic()).isEqualTo("raw.image");
        assertThat(config(Map.of("topic.prefix", "lab.", "topic", "incoming")).topic())
                .isEqualTo("incoming");
        assertThat(config(Map.of("topic", "")).topic()).isEqualTo("autodidact.raw.image");
    }

    @Test
    void shouldAcceptModalityInAnyCase() {
        assertThat(config(Map.of("modality", "IMAGE")).modality()).isEqualTo(Modality.IMAGE);
    }

    @Test
    void shouldPublishWavFilesToRawAudioForTheAudioModality() {
        MediaDirectorySourceConfig audio = config(Map.of("modality", "audio", "topic.prefix", "lab."));

        assertThat(audio.modality()).isEqualTo(Modality.AUDIO);
        assertThat(audio.topic()).isEqualTo("lab.raw.audio");
        assertThat(audio.mediaKind()).isEqualTo(MediaKind.AUDIO);
        assertThat(config(Map.of()).mediaKind()).isEqualTo(MediaKind.IMAGE);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "modality|video|Unknown modality",
                "modality|text|cannot read text",
                "topic|raw image|Topic names may only contain",
                "topic.prefix|a/b.|Topic names may only contain",
                "poll.interval.ms|0|at least 1",
                "batch.size|0|at least 1",
                "batch.size|many|Not a number",
                "batch.max.bytes|-1|at least 1",
                "max.file.bytes|0|at least 1",
                "include.archives|perhaps|Expected value to be either true or false"
            })
    void shouldRejectInvalidValuesNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> config(Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(message);
    }

    private static MediaDirectorySourceConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("directory", "media"));
        props.putAll(overrides);
        return new MediaDirectorySourceConfig(props);
    }
}
