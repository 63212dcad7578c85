package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.DeadLetters;
import dev.autodidact.streams.internal.PoisonRecords;
import dev.autodidact.streams.internal.StreamMetrics;
import dev.autodidact.streams.internal.StreamsProperties;
import dev.autodidact.streams.internal.ThreadReplacingHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The image topology with a decode step that throws an {@link Error} for one record. Each fresh driver starts the raw
 * topic at offset 0 again, the way a replaced stream thread starts again from the last commit under exactly-once.
 */
class PoisonRecordTopologyTest {
    private final Topics topics = new Topics(Topics.DEFAULT_PREFIX);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final StreamAppConfig config = ImageTopologyTest.config(
            Map.of(StreamAppConfig.POISON_MAX_FAILURES_CONFIG, "3", StreamAppConfig.DEDUP_ENABLED_CONFIG, "false"));
    private final PoisonRecords poison = new PoisonRecords(config.poisonMaxFailures());
    private final ThreadReplacingHandler handler = new ThreadReplacingHandler(registry, poison);

    @Test
    void shouldDeadLetterRecordThatKilledTheThreadMaxFailuresTimesAndProcessTheNext() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (TopologyTestDriver driver = driver()) {
                Throwable death = catchThrowable(() -> raw(driver).pipeInput("bad", PoisonPill.VALUE));
                assertThat(death).hasStackTraceContaining("AssertionError: poison pill");
                handler.handle(death); // Kafka Streams calls it on the dying thread, as here
            }
        }

        try (TopologyTestDriver driver = driver()) {
            raw(driver).pipeInput("bad", PoisonPill.VALUE);
            raw(driver).pipeInput("good", TestImages.png(40, 40));

            assertThat(driver.createOutputTopic(
                                    topics.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer())
                            .readRecordsToList())
                    .singleElement()
                    .satisfies(dead -> {
                        assertThat(dead.key()).isEqualTo("bad");
                        assertThat(dead.value()).isEqualTo(PoisonPill.VALUE);
                        assertRepeatedFailureHeaders(dead);
                    });
            assertThat(driver.createOutputTopic(
                                    topics.clean(Modality.IMAGE),
                                    new StringDeserializer(),
                                    new ExampleSerde().deserializer())
                            .readKeyValuesToList())
                    .singleElement()
                    .satisfies(kv -> {
                        assertThat(kv.key).isEqualTo("good");
                        ImageTopologyTest.assertImageArray(kv.value.array(ArrayNames.INPUT), 32);
                    });
        }
        assertThat(registry.get(ThreadReplacingHandler.THREADS_REPLACED)
                        .counter()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get(StreamMetrics.RECORDS_REJECTED)
                        .tag("reason", DeadLetters.REPEATED_FAILURE)
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldRetryRecordThatKilledTheThreadFewerThanMaxFailuresTimes() {
        try (TopologyTestDriver driver = driver()) {
            handler.handle(catchThrowable(() -> raw(driver).pipeInput("bad", PoisonPill.VALUE)));
        }

        try (TopologyTestDriver driver = driver()) {
            assertThat(catchThrowable(() -> raw(driver).pipeInput("bad", PoisonPill.VALUE)))
                    .hasStackTraceContaining("AssertionError: poison pill");
        }
    }

    @Test
    void shouldRegisterRepeatedFailureRejectionsAndThreadReplacementsAtZero() {
        try (TopologyTestDriver driver = driver()) {
            assertThat(registry.get(StreamMetrics.RECORDS_REJECTED)
                            .tag("reason", DeadLetters.REPEATED_FAILURE)
                            .counter()
                            .count())
                    .isZero();
            assertThat(registry.get(ThreadReplacingHandler.THREADS_REPLACED)
                            .counter()
                            .count())
                    .isZero();
        }
    }

    private static void assertRepeatedFailureHeaders(TestRecord<String, byte[]> dead) {
        assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_REASON)).contains(DeadLetters.REPEATED_FAILURE);
        assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_EXCEPTION)).contains(AssertionError.class.getName());
        assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_MESSAGE)).contains("poison pill");
        assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_TOPIC))
                .contains(new Topics(Topics.DEFAULT_PREFIX).raw(Modality.IMAGE));
        assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_PARTITION)).contains("0");
        assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_OFFSET)).contains("0");
    }

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        ImageTopology.addTo(builder, config, registry, poison, PoisonPill.decorator());
        return new TopologyTestDriver(builder.build(), StreamsProperties.build(config, registry, poison));
    }

    private TestInputTopic<String, byte[]> raw(TopologyTestDriver driver) {
        return driver.createInputTopic(topics.raw(Modality.IMAGE), new StringSerializer(), new ByteArraySerializer());
    }
}
