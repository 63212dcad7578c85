package dev.autodidact.streams.internal;

import dev.autodidact.schema.Topics;
import java.util.Objects;
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
 * @param <T> the value type
 */
public final class SizeLimitedSerde<T> implements Serde<T> {
    /** Room left in a record for its key, headers and batch overhead. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    /** Largest serialized value the stream-app writes. */
    public static final int MAX_VALUE_BYTES = Topics.MAX_MESSAGE_BYTES - RECORD_OVERHEAD_BYTES;

    private final Serde<T> inner;

    private SizeLimitedSerde(Serde<T> inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /**
     * @param inner the serde to wrap
     * @param <T> the value type
     * @return a serde whose serializer refuses values over {@link #MAX_VALUE_BYTES}
     */
    public static <T> Serde<T> wrap(Serde<T> inner) {
        return new SizeLimitedSerde<>(inner);
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> serializer = inner.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return check(topic, serializer.serialize(topic, data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return check(topic, serializer.serialize(topic, headers, data));
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return inner.deserializer();
    }

    private static byte[] check(String topic, byte[] bytes) {
        if (bytes != null && bytes.length > MAX_VALUE_BYTES) {
            throw new RecordTooLargeException("A value of " + bytes.length + " bytes for " + topic
                    + " exceeds the limit of " + MAX_VALUE_BYTES + " bytes");
        }
        return bytes;
    }
}
