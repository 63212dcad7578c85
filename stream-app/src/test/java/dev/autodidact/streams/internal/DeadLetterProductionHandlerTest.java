package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.schema.HeaderNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {
    private static final byte[] SOURCE_VALUE = {1, 2, 3};
    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
    private final ProducerRecord<byte[], byte[]> output = new ProducerRecord<>("autodidact.clean.image", new byte[9]);
    private final PoisonRecords poison = new PoisonRecords(3);

    @BeforeEach
    void configure() {
        handler.configure(Map.of(
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                "dlq",
                DeadLetterHandlerSupport.METER_REGISTRY_CONFIG,
                new SimpleMeterRegistry(),
                DeadLetterHandlerSupport.POISON_RECORDS_CONFIG,
                poison));
    }

    @Test
    void shouldDeadLetterSourceRecordAndContinueWhenRecordTooLarge() {
        Response response = handler.handleError(context(), output, new RecordTooLargeException("too big"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo("dlq");
            assertThat(dead.value()).isEqualTo(SOURCE_VALUE);
            assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_REASON)).contains(DeadLetters.RECORD_TOO_LARGE);
            assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_OFFSET)).contains("42");
        });
    }

    @Test
    void shouldDeadLetterSourceRecordAndContinueWhenValueTooLargeWhileSerializing() {
        Response response = handler.handleSerializationError(
                context(), output, new RecordTooLargeException("too big"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords())
                .singleElement()
                .satisfies(dead -> assertThat(dead.value()).isEqualTo(SOURCE_VALUE));
    }

    @Test
    void shouldFailWhenTheDeadLetterRecordItselfIsTooLarge() {
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>("dlq", new byte[9]);

        assertThat(handler.handleError(context(), dead, new RecordTooLargeException("too big"))
                        .result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void shouldFailOnAnyOtherProductionError() {
        assertThat(handler.handleError(context(), output, new AuthorizationException("no"))
                        .result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void shouldBlameTheSourceRecordWhenFailingSoTheThreadDeathCountsForIt() {
        AuthorizationException denied = new AuthorizationException("no");
        handler.handleError(context(), output, denied);
        poison.processing(new DeadLetters.Origin("autodidact.raw.image", 0, 43L)); // a later record

        poison.threadDied(new StreamsException("Error encountered sending record", denied));

        assertThat(poison.failures(new DeadLetters.Origin("autodidact.raw.image", 0, 42L)))
                .isEqualTo(1);
        assertThat(poison.failures(new DeadLetters.Origin("autodidact.raw.image", 0, 43L)))
                .isZero();
    }

    @Test
    void shouldBlameNoRecordWhenTheDeadLetterTopicItselfFails() {
        AuthorizationException denied = new AuthorizationException("no");
        handler.handleError(context(), new ProducerRecord<>("dlq", new byte[9]), denied);

        poison.threadDied(new StreamsException("Error encountered sending record", denied));

        assertThat(poison.failures(new DeadLetters.Origin("autodidact.raw.image", 0, 42L)))
                .isZero();
    }

    @Test
    void shouldFailOnSerializationError() {
        assertThat(handler.handleSerializationError(
                                context(),
                                output,
                                new SerializationException("bad"),
                                SerializationExceptionOrigin.VALUE)
                        .result())
                .isEqualTo(Result.FAIL);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            private final Headers headers = new RecordHeaders();

            @Override
            public String topic() {
                return "autodidact.raw.image";
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return headers;
            }

            @Override
            public String processorNodeId() {
                return "image-clean-sink";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 1L;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return SOURCE_VALUE;
            }
        };
    }
}
