package dev.autodidact.streams.internal;

import dev.autodidact.schema.DeadLetterHeaders;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;

/**
 * The dead-letter header set shared by every modality and every exception handler: reason code, message, exception
 * class and origin (topic, partition, offset), added to a copy of the record's own headers.
 */
public final class DeadLetters {
    /** Reason of a record that failed in a processor with an unexpected exception. */
    public static final String PROCESSING_ERROR = "processing-error";
    /** Reason of a record whose key or value could not be deserialized. */
    public static final String DESERIALIZATION_ERROR = "deserialization-error";
    /** Reason of a record that killed a stream thread {@code poison.max.failures} times (see {@link PoisonRecords}). */
    public static final String REPEATED_FAILURE = "repeated-failure";
    /** Reason of a record whose output was too large to produce. */
    public static final String RECORD_TOO_LARGE = "record-too-large";
    /** Longest message kept in {@code dlq.message}; longer ones are cut. */
    public static final int MAX_MESSAGE_CHARS = DeadLetterHeaders.MAX_MESSAGE_CHARS;

    private DeadLetters() {}

    /**
     * A copy of {@code original} with the six dead-letter headers set.
     *
     * @param original the record's headers, not modified; may be {@code null}
     * @param reason stable reason code, e.g. {@code corrupt}
     * @param failure what rejected the record
     * @param origin where the record came from
     * @return the new headers
     */
    public static Headers headers(Headers original, String reason, Throwable failure, Origin origin) {
        return DeadLetterHeaders.of(original, reason, failure, origin.topic(), origin.partition(), origin.offset());
    }

    /**
     * The value a dead-letter record can carry: the original bytes, or {@code null} when they are larger than
     * {@link SizeLimitedSerde#MAX_VALUE_BYTES} and would make the dead-letter record itself too large.
     *
     * @param original the original value, possibly {@code null}
     * @return {@code original} or {@code null}
     */
    public static byte[] fit(byte[] original) {
        return original != null && original.length > SizeLimitedSerde.MAX_VALUE_BYTES ? null : original;
    }

    /**
     * Where a dead-lettered record was read.
     *
     * @param topic source topic, empty if unknown
     * @param partition source partition, -1 if unknown
     * @param offset source offset, -1 if unknown
     */
    public record Origin(String topic, int partition, long offset) {
        /** An origin for records whose source is not known (e.g. emitted from a punctuation). */
        public static final Origin UNKNOWN = new Origin("", -1, -1L);

        /** Replaces a {@code null} topic with the empty string. */
        public Origin {
            topic = Objects.requireNonNullElse(topic, "");
        }
    }
}
