package dev.autodidact.streams.internal;

import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.serde.ExampleSerde;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wraps a serde so that a value too large for a Kafka record fails while it is serialized, with a
 * {@link RecordTooLargeException}, instead of in the producer.
 *
 * <p>The difference matters with exactly-once: a record the producer refuses marks its whole transaction abortable,
 * so the task restarts from its last commit and meets the same record again, whatever the production handler
 * answers. A serialization failure happens before the producer sees the record; the production handler's
 * serialization callback can then send the source record to the dead-letter topic and carry on.
 *
 * <p>{@link #examples()} also checks an {@link Example}'s array bytes before {@link ExampleSerde} writes it, since
 * that serde refuses a record over {@link Topics#MAX_MESSAGE_BYTES} with a plain serialization error, which would
 * fail the stream thread rather than dead-letter the record.
 *
 * @param <T> the value type
 */
public final class SizeLimitedSerde<T> implements Serde<T> {
    /** Room left in a record for its key, headers and batch overhead. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    /** Largest serialized value the stream-app writes. */
    public static final int MAX_VALUE_BYTES = Topics.MAX_MESSAGE_BYTES - RECORD_OVERHEAD_BYTES;

    private final Serde<T> inner;
    private final ToLongFunction<T> leastBytes;

    private SizeLimitedSerde(Serde<T> inner, ToLongFunction<T> leastBytes) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.leastBytes = Objects.requireNonNull(leastBytes, "leastBytes");
    }

    /**
     * @param inner the serde to wrap
     * @param <T> the value type
     * @return a serde whose serializer refuses values over {@link #MAX_VALUE_BYTES}
     */
    public static <T> Serde<T> wrap(Serde<T> inner) {
        return new SizeLimitedSerde<>(inner, value -> 0L);
    }

    /**
     * @return an {@link ExampleSerde} whose serializer refuses examples over {@link #MAX_VALUE_BYTES}, those whose
     *     arrays alone are larger before writing them
     */
    public static Serde<Example> examples() {
        return new SizeLimitedSerde<>(
                new ExampleSerde(),
                example -> example.arrays().values().stream()
                        .mapToLong(t -> t.bytes().length)
                        .sum());
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> serializer = inner.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                checkBefore(topic, data);
                return check(topic, serializer.serialize(topic, data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                checkBefore(topic, data);
                return check(topic, serializer.serialize(topic, headers, data));
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return inner.deserializer();
    }

    private void checkBefore(String topic, T data) {
        if (data != null) {
            long least = leastBytes.applyAsLong(data);
            if (least > MAX_VALUE_BYTES) {
                throw tooLarge(topic, "at least " + least);
            }
        }
    }

    private static byte[] check(String topic, byte[] bytes) {
        if (bytes != null && bytes.length > MAX_VALUE_BYTES) {
            throw tooLarge(topic, Integer.toString(bytes.length));
        }
        return bytes;
    }

    private static RecordTooLargeException tooLarge(String topic, String bytes) {
        return new RecordTooLargeException(
                "A value of " + bytes + " bytes for " + topic + " exceeds the limit of " + MAX_VALUE_BYTES + " bytes");
    }
}
