package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.streams.StreamAppConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The exception handlers, wired through the stream-app's Streams properties, on small topologies that fail. */
class DeadLetterHandlersTest {
    private static final String RAW = "autodidact.raw.image";
    private static final String OUT = "out";
    private static final String DLQ = "autodidact.dead-letter";
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final StreamAppConfig config = new StreamAppConfig(Map.of("bootstrap.servers", "localhost:9092"));

    @Test
    void shouldDeadLetterSourceRecordWhenProcessorThrows() {
        try (TopologyTestDriver driver = failingProcessorDriver(new IllegalStateException("bug"))) {
            byte[] value = "payload".getBytes(StandardCharsets.UTF_8);
            input(driver).pipeInput(new TestRecord<>("boom", value, headers()));
            input(driver).pipeInput("ok", value);

            TestRecord<String, byte[]> dead = deadLetter(driver).readRecord();
            assertThat(dead.key()).isEqualTo("boom");
            assertThat(dead.value()).isEqualTo(value);
            Headers h = dead.headers();
            assertThat(HeaderNames.get(h, HeaderNames.DLQ_REASON)).contains(DeadLetters.PROCESSING_ERROR);
            assertThat(HeaderNames.get(h, HeaderNames.DLQ_MESSAGE)).contains("bug");
            assertThat(HeaderNames.get(h, HeaderNames.DLQ_EXCEPTION)).contains(IllegalStateException.class.getName());
            assertThat(HeaderNames.get(h, HeaderNames.DLQ_TOPIC)).contains(RAW);
            assertThat(HeaderNames.get(h, HeaderNames.DLQ_PARTITION)).contains("0");
            assertThat(HeaderNames.get(h, HeaderNames.DLQ_OFFSET)).contains("0");
            assertThat(HeaderNames.get(h, HeaderNames.SOURCE)).contains("test");
            assertThat(output(driver).readRecord().key()).isEqualTo("ok");
            assertThat(rejected("image", DeadLetters.PROCESSING_ERROR)).isEqualTo(1.0);
        }
    }

    @Test
    void shouldUseMediaReasonWhenMediaRejectionEscapesProcessor() {
        var failure = new MediaRejectedException(RejectReason.CORRUPT, "damaged");
        try (TopologyTestDriver driver = failingProcessorDriver(failure)) {
            input(driver).pipeInput("boom", new byte[] {1});

            assertThat(HeaderNames.get(deadLetter(driver).readRecord().headers(), HeaderNames.DLQ_REASON))
                    .contains("corrupt");
        }
    }

    @Test
    void shouldDeadLetterRecordThatCannotBeDeserialized() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(RAW, Consumed.with(Serdes.String(), Serdes.Integer()).withName("source"))
                .to(OUT, Produced.with(Serdes.String(), Serdes.Integer()).withName("sink"));
        // The test driver commits only after it processed a record, and it leaves out what a dead-letter write in
        // the deserializer adds to an exactly-once transaction; at-least-once shows the handler's record.
        // DeadLetterHandlersIT checks the exactly-once path against a real broker.
        Properties props = StreamsProperties.build(config, registry);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            byte[] threeBytes = {1, 2, 3};
            input(driver).pipeInput("odd", threeBytes);

            TestRecord<String, byte[]> dead = deadLetter(driver).readRecord();
            assertThat(dead.value()).isEqualTo(threeBytes);
            assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_REASON))
                    .contains(DeadLetters.DESERIALIZATION_ERROR);
            assertThat(rejected("image", DeadLetters.DESERIALIZATION_ERROR)).isEqualTo(1.0);
        }
    }

    private TopologyTestDriver failingProcessorDriver(RuntimeException failure) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(RAW, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("source"))
                .processValues(
                        () -> new ContextualFixedKeyProcessor<String, byte[], byte[]>() {
                            @Override
                            public void process(FixedKeyRecord<String, byte[]> record) {
                                if ("boom".equals(record.key())) {
                                    throw failure;
                                }
                                context().forward(record);
                            }
                        },
                        Named.as("failing"))
                .to(OUT, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("sink"));
        return new TopologyTestDriver(builder.build(), StreamsProperties.build(config, registry));
    }

    private double rejected(String modality, String reason) {
        return registry.get(StreamMetrics.RECORDS_REJECTED)
                .tag("modality", modality)
                .tag("reason", reason)
                .counter()
                .count();
    }

    private static Headers headers() {
        Headers headers = new RecordHeaders();
        HeaderNames.put(headers, HeaderNames.SOURCE, "test");
        return headers;
    }

    private static TestInputTopic<String, byte[]> input(TopologyTestDriver driver) {
        return driver.createInputTopic(RAW, new StringSerializer(), new ByteArraySerializer());
    }

    private static TestOutputTopic<String, byte[]> output(TopologyTestDriver driver) {
        return driver.createOutputTopic(OUT, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static TestOutputTopic<String, byte[]> deadLetter(TopologyTestDriver driver) {
        return driver.createOutputTopic(DLQ, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
