package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.ImageViewRecipes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The stream-app against a real embedded KRaft broker, with exactly-once processing and read_committed readers. */
@ExtendWith(KafkaBrokerExtension.class)
class StreamAppIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

    @Test
    void shouldWriteCleanRecordsExamplesAndDeadLetterExactlyOnce() throws Exception {
        StreamAppConfig config = config(Map.of());
        Topics topics = config.topics();
        MeterRegistry registry = new SimpleMeterRegistry();
        byte[] corrupt = TestImages.truncatedPng(64, 64);

        try (StreamApp app = StreamApp.start(config, registry);
                KafkaProducer<String, byte[]> producer = TestClients.producer(broker.bootstrapServers())) {
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            String raw = topics.raw(Modality.IMAGE);
            producer.send(new ProducerRecord<>(raw, "good-1", TestImages.png(64, 48)))
                    .get();
            producer.send(new ProducerRecord<>(raw, "corrupt", corrupt)).get();
            producer.send(new ProducerRecord<>(raw, "good-2", TestImages.jpeg(48, 64)))
                    .get();

            List<ConsumerRecord<String, byte[]>> clean = read(topics.clean(Modality.IMAGE), 2);
            List<ConsumerRecord<String, byte[]>> examples = read(topics.examples(Modality.IMAGE, "simclr"), 2);
            List<ConsumerRecord<String, byte[]>> dead = read(topics.deadLetter(), 1);

            assertThat(clean).extracting(ConsumerRecord::key).containsExactly("good-1", "good-2");
            Example image = ExampleSerde.read(clean.get(0).value());
            assertThat(image.modality()).isEqualTo(Modality.IMAGE);
            ImageTopologyTest.assertImageArray(image.array(ArrayNames.INPUT), 32);
            assertThat(examples).extracting(ConsumerRecord::key).containsExactly("good-1", "good-2");
            Example views = ExampleSerde.read(examples.get(1).value());
            assertThat(views.arrays()).containsOnlyKeys(ArrayNames.INPUT, "view.0", "view.1");
            assertThat(views.array(ArrayNames.INPUT))
                    .isEqualTo(ExampleSerde.read(clean.get(1).value()).array(ArrayNames.INPUT));
            ImageTopologyTest.assertImageArray(views.array("view.0"), 32);
            assertThat(views.meta("recipe")).contains(ExampleRecipe.TWO_VIEWS.id());
            assertThat(views.meta("augment"))
                    .contains(ImageViewRecipes.forMethod("simclr", config).spec());
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("corrupt");
                assertThat(record.value()).isEqualTo(corrupt);
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_REASON))
                        .contains("corrupt");
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_TOPIC))
                        .contains(raw);
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_OFFSET))
                        .contains("1");
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_EXCEPTION))
                        .isPresent();
            });
            assertThat(registry.get("autodidact.stream.records.in").counter().count())
                    .isEqualTo(3.0);
            assertThat(registry.find("kafka.stream.thread.process.total").meters())
                    .isNotEmpty();
        }
    }

    @Test
    void shouldFailClearlyWhenTheBrokerCannotBeReached() {
        StreamAppConfig config = config(Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:1",
                "default.api.timeout.ms",
                "1500",
                "request.timeout.ms",
                "1000"));

        assertThatThrownBy(() -> StreamApp.start(config, new SimpleMeterRegistry()))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("127.0.0.1:1");
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
        return TestClients.readCommitted(broker.bootstrapServers(), topic, count, WAIT);
    }

    private StreamAppConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                StreamAppConfig.APPLICATION_ID_CONFIG,
                TestClients.unique("stream-app-it"),
                StreamAppConfig.TOPIC_PREFIX_CONFIG,
                TestClients.unique("it") + ".",
                StreamAppConfig.STATE_DIR_CONFIG,
                stateDir.toString(),
                StreamAppConfig.COMMIT_INTERVAL_MS_CONFIG,
                "20",
                "poll.ms",
                "10"));
        props.putAll(overrides);
        return new StreamAppConfig(props);
    }
}
