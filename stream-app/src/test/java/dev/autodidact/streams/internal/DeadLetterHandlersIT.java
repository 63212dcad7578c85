package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.TopicAdmin;
import dev.autodidact.schema.TopicSpec;
import dev.autodidact.streams.StreamAppConfig;
import dev.autodidact.streams.TestClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead-letter records written by the exception handlers (not by the topology's own route), with the stream-app's
 * Streams properties and exactly-once on a real broker, on small topologies that fail on purpose.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterHandlersIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

    private StreamAppConfig config;
    private String in;
    private String out;

    @BeforeEach
    void createTopics() {
        String prefix = TestClients.unique("handlers") + ".";
        config = new StreamAppConfig(Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "application.id",
                TestClients.unique("handlers-it"),
                "topic.prefix",
                prefix,
                "state.dir",
                stateDir.toString(),
                "commit.interval.ms",
                "20",
                "poll.ms",
                "10"));
        in = prefix + "raw.image";
        out = prefix + "out";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicAdmin.ensure(
                    admin,
                    List.of(
                            new TopicSpec(in, 1, Map.of()),
                            new TopicSpec(out, 1, Map.of()),
                            new TopicSpec(config.topics().deadLetter(), 1, Map.of())));
        }
    }

    @Test
    void shouldCommitDeserializationDeadLetterWithExactlyOnce() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.Integer()).withName("source"))
                .to(out, Produced.with(Serdes.String(), Serdes.Integer()).withName("sink"));

        runWith(builder, new byte[] {1, 2, 3}, new byte[] {0, 0, 0, 7});

        assertThat(deadLetters()).singleElement().satisfies(record -> {
            assertThat(record.value()).containsExactly(1, 2, 3);
            assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_REASON))
                    .contains(DeadLetters.DESERIALIZATION_ERROR);
        });
    }

    @Test
    void shouldDeadLetterOutputTooLargeForARecordAndKeepGoing() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("source"))
                .mapValues(v -> v.length == 1 ? new byte[SizeLimitedSerde.MAX_VALUE_BYTES + 1] : v, Named.as("grow"))
                .to(
                        out,
                        Produced.with(Serdes.String(), SizeLimitedSerde.wrap(Serdes.ByteArray()))
                                .withName("sink"));

        runWith(builder, new byte[] {9}, new byte[] {1, 2});

        assertThat(deadLetters()).singleElement().satisfies(record -> {
            assertThat(record.value()).containsExactly(9);
            assertThat(HeaderNames.get(record.headers(), HeaderNames.DLQ_REASON))
                    .contains(DeadLetters.RECORD_TOO_LARGE);
        });
    }

    /** Sends {@code bad} then {@code good}, and checks that only {@code good} comes out. */
    private void runWith(StreamsBuilder builder, byte[] bad, byte[] good) throws Exception {
        try (KafkaStreams streams =
                        new KafkaStreams(builder.build(), StreamsProperties.build(config, new SimpleMeterRegistry()));
                KafkaProducer<String, byte[]> producer = TestClients.producer(broker.bootstrapServers())) {
            streams.start();
            Awaitility.await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            producer.send(new ProducerRecord<>(in, "bad", bad)).get();
            producer.send(new ProducerRecord<>(in, "good", good)).get();

            assertThat(TestClients.readCommitted(broker.bootstrapServers(), out, 1, WAIT))
                    .extracting(ConsumerRecord::key)
                    .containsExactly("good");
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TestClients.readCommitted(
                broker.bootstrapServers(), config.topics().deadLetter(), 1, WAIT);
    }
}
