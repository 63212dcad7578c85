package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.AudioViewRecipes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream-app with {@code modality=audio} against a real embedded KRaft broker, with exactly-once processing and
 * read_committed readers: real spoken digits in, canonical clips and log-mel examples out, a WAV whose header lies on
 * the dead-letter topic with its reason, and the app still running and processing after it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AudioStreamAppIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

    @Test
    void shouldTurnWavFilesIntoCleanClipsAndExamplesAndDeadLetterABrokenOne() throws Exception {
        StreamAppConfig config = new StreamAppConfig(Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                StreamAppConfig.APPLICATION_ID_CONFIG,
                TestClients.unique("audio-it"),
                StreamAppConfig.TOPIC_PREFIX_CONFIG,
                TestClients.unique("it") + ".",
                StreamAppConfig.STATE_DIR_CONFIG,
                stateDir.toString(),
                StreamAppConfig.COMMIT_INTERVAL_MS_CONFIG,
                "20",
                StreamAppConfig.MODALITY_CONFIG,
                "audio",
                StreamAppConfig.METHODS_CONFIG,
                "simclr,mae",
                "poll.ms",
                "10"));
        Topics topics = config.topics();
        MeterRegistry registry = new SimpleMeterRegistry();
        byte[] broken = TestAudio.lyingDataSize();
        List<String> keys = new ArrayList<>();

        try (StreamApp app = StreamApp.start(config, registry);
                KafkaProducer<String, byte[]> producer = TestClients.producer(broker.bootstrapServers())) {
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            String raw = topics.raw(Modality.AUDIO);
            for (int i = 0; i < TestAudio.FSDD.size(); i++) {
                String name = TestAudio.FSDD.get(i);
                if (i == 2) {
                    producer.send(new ProducerRecord<>(raw, "broken", broken)).get();
                }
                producer.send(new ProducerRecord<>(raw, name, TestAudio.fsdd(name)))
                        .get();
                keys.add(name);
            }

            List<ConsumerRecord<String, byte[]>> clean = read(topics.clean(Modality.AUDIO), 4);
            List<ConsumerRecord<String, byte[]>> simclr = read(topics.examples(Modality.AUDIO, "simclr"), 4);
            List<ConsumerRecord<String, byte[]>> mae = read(topics.examples(Modality.AUDIO, "mae"), 4);
            List<ConsumerRecord<String, byte[]>> dead = read(topics.deadLetter(), 1);

            assertThat(clean).extracting(ConsumerRecord::key).containsExactlyElementsOf(keys);
            assertThat(simclr).extracting(ConsumerRecord::key).containsExactlyElementsOf(keys);
            assertThat(mae).extracting(ConsumerRecord::key).containsExactlyElementsOf(keys);
            for (int i = 0; i < keys.size(); i++) {
                Example clip = ExampleSerde.read(clean.get(i).value());
                assertThat(clip.modality()).isEqualTo(Modality.AUDIO);
                AudioTopologyTest.assertPcm(clip.array(ArrayNames.INPUT));

                Example views = ExampleSerde.read(simclr.get(i).value());
                assertThat(views.arrays()).containsOnlyKeys(ArrayNames.INPUT, "view.0", "view.1");
                assertThat(views.array(ArrayNames.INPUT)).isEqualTo(clip.array(ArrayNames.INPUT));
                AudioTopologyTest.assertLogMel(views.array("view.0"), 64, 73);
                AudioTopologyTest.assertLogMel(views.array("view.1"), 64, 73);
                assertThat(views.meta(Example.RECIPE)).contains(ExampleRecipe.TWO_VIEWS.id());
                assertThat(views.meta(Example.AUGMENT))
                        .contains(AudioViewRecipes.forMethod("simclr", config).spec());

                Example masked = ExampleSerde.read(mae.get(i).value());
                AudioTopologyTest.assertLogMel(masked.array("view.0"), 64, 96);
                assertThat(masked.array(ArrayNames.MASK).shape()).containsExactly(96);
                assertThat(masked.array(ArrayNames.MASK_INDEX).shape()).containsExactly(96);
                assertThat(masked.meta(Example.RECIPE)).contains(ExampleRecipe.MASKED_PATCHES.id());
            }
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("broken");
                assertThat(record.value()).isEqualTo(broken);
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_REASON))
                        .contains("corrupt");
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_MESSAGE))
                        .hasValueSatisfying(m -> assertThat(m).contains("'data'"));
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_TOPIC))
                        .contains(raw);
                assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_OFFSET))
                        .contains("2");
            });
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(registry.get("autodidact.stream.records.in")
                            .tag("modality", "audio")
                            .counter()
                            .count())
                    .isEqualTo(5.0);
            assertThat(registry.get("autodidact.stream.records.rejected")
                            .tag("modality", "audio")
                            .tag("reason", "corrupt")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
        return TestClients.readCommitted(broker.bootstrapServers(), topic, count, WAIT);
    }
}
