package dev.autodidact.streams.internal;

import dev.autodidact.schema.HeaderNames;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

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
    public static final int MAX_MESSAGE_CHARS = 1000;

    private DeadLetters() {
    }

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
        Headers headers = original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
        HeaderNames.put(headers, HeaderNames.DLQ_REASON, reason);
        HeaderNames.put(headers, HeaderNames.DLQ_MESSAGE, message(failure));
        HeaderNames.put(headers, HeaderNames.DLQ_EXCEPTION, failure.getClass().getName());
        HeaderNames.put(headers, HeaderNames.DLQ_TOPIC, origin.topic());
        HeaderNames.put(headers, HeaderNames.DLQ_PARTITION, Integer.toString(origin.partition()));
        HeaderNames.put(headers, HeaderNames.DLQ_OFFSET, Long.toString(origin.offset()));
        return headers;
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

    private static String message(Throwable failure) {
        String message = Objects.requireNonNullElse(failure.getMessage(), failure.toString());
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
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
