package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.DeadLetters;
import dev.autodidact.streams.internal.StreamMetrics;
import dev.autodidact.streams.internal.ThreadReplacingHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream-app on a real broker with exactly-once, fed a record whose processing throws an {@link Error} every time
 * ({@link PoisonPill}): each attempt kills the stream thread and the replacement starts again from the last commit,
 * until the record has failed {@code poison.max.failures} times and goes to the dead-letter topic.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PoisonRecordIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final int MAX_FAILURES = 3;
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void expectUncaughtErrors() {
        // The stream thread rethrows the Error after the handler replaced it; it is expected here, not a test failure.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterAll
    static void resetAwaitility() {
        Awaitility.reset();
    }

    @Test
    void shouldDeadLetterRecordThatKillsTheStreamThreadRepeatedlyAndProcessTheRecordsAfterIt() throws Exception {
        StreamAppConfig config = new StreamAppConfig(Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                StreamAppConfig.APPLICATION_ID_CONFIG,
                TestClients.unique("poison-it"),
                StreamAppConfig.TOPIC_PREFIX_CONFIG,
                TestClients.unique("poison") + ".",
                StreamAppConfig.STATE_DIR_CONFIG,
                stateDir.toString(),
                StreamAppConfig.COMMIT_INTERVAL_MS_CONFIG,
                "20",
                StreamAppConfig.POISON_MAX_FAILURES_CONFIG,
                Integer.toString(MAX_FAILURES),
                "poll.ms",
                "10",
                // A dead thread's consumer does not leave the group: its partition moves after the session timeout.
                "consumer.session.timeout.ms",
                "6000",
                "consumer.heartbeat.interval.ms",
                "1000"));
        Topics topics = config.topics();
        String raw = topics.raw(Modality.IMAGE);
        MeterRegistry registry = new SimpleMeterRegistry();

        try (StreamApp app = StreamApp.start(config, registry, PoisonPill.decorator());
                KafkaProducer<String, byte[]> producer = TestClients.producer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>(raw, "good-1", TestImages.png(40, 40)))
                    .get();
            producer.send(new ProducerRecord<>(raw, "poison", PoisonPill.VALUE)).get();
            producer.send(new ProducerRecord<>(raw, "good-2", TestImages.jpeg(48, 32)))
                    .get();

            assertThat(read(topics.deadLetter(), 1)).singleElement().satisfies(dead -> {
                assertThat(dead.key()).isEqualTo("poison");
                assertThat(dead.value()).isEqualTo(PoisonPill.VALUE);
                assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_REASON))
                        .contains(DeadLetters.REPEATED_FAILURE);
                assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_EXCEPTION))
                        .contains(AssertionError.class.getName());
                assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_MESSAGE))
                        .contains("poison pill");
                assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_TOPIC))
                        .contains(raw);
                assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_PARTITION))
                        .contains("0");
                assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_OFFSET))
                        .contains("1");
            });
            List<ConsumerRecord<String, byte[]>> clean = read(topics.clean(Modality.IMAGE), 2);
            assertThat(clean).extracting(ConsumerRecord::key).containsExactly("good-1", "good-2");
            assertThat(clean)
                    .extracting(r ->
                            ExampleSerde.read(r.value()).array(ArrayNames.INPUT).shape())
                    .containsOnly(new int[] {32, 32, 3});
            Awaitility.await().atMost(WAIT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            assertThat(registry.get(ThreadReplacingHandler.THREADS_REPLACED)
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(MAX_FAILURES);
            assertThat(registry.get(StreamMetrics.RECORDS_REJECTED)
                            .tag("reason", DeadLetters.REPEATED_FAILURE)
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
        return TestClients.readCommitted(broker.bootstrapServers(), topic, count, WAIT);
    }
}
