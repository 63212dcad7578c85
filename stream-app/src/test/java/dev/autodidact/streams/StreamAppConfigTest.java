package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.ImageLimits;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.method.MethodCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamAppConfigTest {

    @Test
    void shouldApplyDefaults() {
        StreamAppConfig config = config(Map.of());

        assertThat(config.bootstrapServers()).containsExactly("localhost:9092");
        assertThat(config.applicationId()).isEqualTo("autodidact-stream-app");
        assertThat(config.topics().prefix()).isEqualTo("autodidact.");
        assertThat(config.imageSize()).isEqualTo(32);
        assertThat(config.imageLimits()).isEqualTo(ImageLimits.defaults());
        assertThat(config.methods()).containsExactly("simclr");
        assertThat(config.views()).isEqualTo(2);
        assertThat(config.seed()).isZero();
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.stateDir()).isEmpty();
        assertThat(config.simClrAugmentation()).isEqualTo(SimClrAugmentation.defaultsFor(32));
        assertThat(config.poisonMaxFailures()).isEqualTo(3);
    }

    @Test
    void shouldDeriveSimClrDefaultsFromImageSizeAndApplyKnobs() {
        StreamAppConfig config =
                config(Map.of("image.size", "96", "simclr.blur.probability", "0.25", "simclr.crop.scale.min", "0.2"));

        SimClrAugmentation expected = SimClrAugmentation.defaultsFor(96).toBuilder()
                .optBlurP(0.25)
                .optScaleMin(0.2)
                .build();
        assertThat(config.simClrAugmentation()).isEqualTo(expected);
    }

    @Test
    void shouldFailWithoutBootstrapServers() {
        assertThatThrownBy(() -> new StreamAppConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void shouldRejectUnknownMethod() {
        assertThatThrownBy(() -> config(Map.of("methods", "simclr,no_such_method")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("methods")
                .hasMessageContaining("no_such_method")
                .hasMessageContaining(MethodCatalog.names(Modality.IMAGE).toString());
    }

    @Test
    void shouldRejectAnEmptyMethodList() {
        assertThatThrownBy(() -> config(Map.of("methods", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("methods");
    }

    @Test
    void shouldDocumentTheImageMethodsOfTheCatalogue() {
        ConfigDef.ConfigKey methods = StreamAppConfig.configDef().configKeys().get("methods");

        assertThat(methods.documentation)
                .contains(MethodCatalog.names(Modality.IMAGE).toString());
        assertThat(methods.validator.toString())
                .contains(MethodCatalog.names(Modality.IMAGE).toString());
    }

    @Test
    void shouldCheckTheExampleSizeOfEachConfiguredMethod() {
        // Five 1024 x 1024 images fit in a record, six do not: an example holds the clean input and its views, so
        // simclr with views=4 is fine next to byol's two, views=5 is not.
        assertThat(config(Map.of("image.size", "1024", "views", "4", "methods", "byol,simclr"))
                        .views())
                .isEqualTo(4);
        assertThatThrownBy(() -> config(Map.of("image.size", "1024", "views", "5", "methods", "byol,simclr")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for simclr")
                .hasMessageContaining("image.size");
    }

    @Test
    void shouldCapTheViewSideAtWhatARecipeSpecCarries() {
        assertThatThrownBy(() -> config(Map.of("image.size", "1025")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.size");
        assertThatThrownBy(() -> config(Map.of("dino.local.size", "1025")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dino.local.size");
        assertThatThrownBy(() -> config(Map.of("simclr.crop.ratio.max", "Infinity")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("simclr.crop.ratio.max")
                .hasMessageContaining("finite");
    }

    @Test
    void shouldRejectMultiCropExamplesLargerThanARecordWhenDinoIsConfigured() {
        Map<String, String> big = Map.of("image.size", "1024", "dino.local.size", "512", "dino.local.crops", "40");
        assertThat(config(big).methods()).containsExactly("simclr");
        Map<String, String> withDino = new HashMap<>(big);
        withDino.put("methods", "dino");
        assertThatThrownBy(() -> config(withDino))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dino.local.crops");
    }

    @Test
    void shouldRejectMisspelledOwnSetting() {
        assertThatThrownBy(() -> config(Map.of("image.sise", "64")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.sise");
    }

    @Test
    void shouldRejectOutOfRangeValues() {
        assertThatThrownBy(() -> config(Map.of("views", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("views");
        assertThatThrownBy(() -> config(Map.of("topic.prefix", "bad prefix/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.prefix");
        assertThatThrownBy(() -> config(Map.of("poison.max.failures", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("poison.max.failures");
    }

    @Test
    void shouldRejectMisspelledPoisonSetting() {
        assertThatThrownBy(() -> config(Map.of("poison.max.failure", "2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("poison.max.failure");
    }

    @Test
    void shouldRejectExamplesLargerThanARecord() {
        assertThatThrownBy(() -> config(Map.of("image.size", "1024", "views", "6")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.size");
    }

    @Test
    void shouldRejectInvalidSimClrRecipe() {
        assertThatThrownBy(() -> config(Map.of("simclr.crop.scale.min", "0.9", "simclr.crop.scale.max", "0.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("simclr");
    }

    @Test
    void shouldRejectOverridingTheProcessingGuarantee() {
        assertThatThrownBy(() -> config(Map.of("processing.guarantee", "at_least_once")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("processing.guarantee");
    }

    @Test
    void shouldPassKafkaClientSettingsThroughToStreams() {
        StreamAppConfig config = config(Map.of(
                "security.protocol",
                "SASL_SSL",
                "producer.linger.ms",
                "5",
                "state.dir",
                "/tmp/state",
                "commit.interval.ms",
                "20"));

        assertThat(config.clientProperties()).containsOnlyKeys("security.protocol", "producer.linger.ms");
        Properties streams = StreamApp.streamsProperties(config, new SimpleMeterRegistry());
        assertThat(streams)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("producer.linger.ms", "5")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20L)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/tmp/state")
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "autodidact.dead-letter")
                .containsEntry("producer.max.request.size", 16 * 1024 * 1024)
                .containsEntry("consumer.max.partition.fetch.bytes", 16 * 1024 * 1024)
                .doesNotContainKey("image.size");
        assertThat(new StreamsConfig(streams).getString(StreamsConfig.APPLICATION_ID_CONFIG))
                .isEqualTo("autodidact-stream-app");
    }

    @Test
    void shouldListEveryKeyInTheDefinition() {
        assertThat(StreamAppConfig.configDef().names())
                .contains(
                        "bootstrap.servers",
                        "application.id",
                        "topic.prefix",
                        "topic.partitions",
                        "image.size",
                        "image.max.bytes",
                        "image.max.pixels",
                        "methods",
                        "views",
                        "seed",
                        "commit.interval.ms",
                        "state.dir",
                        "simclr.crop.scale.min",
                        "simclr.blur.probability");
        assertThat(List.copyOf(StreamAppConfig.configDef().names())).hasSizeGreaterThan(20);
    }

    private static StreamAppConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092"));
        props.putAll(overrides);
        return new StreamAppConfig(props);
    }
}
