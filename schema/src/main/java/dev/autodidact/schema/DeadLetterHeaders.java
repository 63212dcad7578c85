package dev.autodidact.schema;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter header set every service writes: reason code, message, exception class and origin (topic,
 * partition, offset), added to a copy of the record's own headers. The stream-app's handlers and the learner's and
 * embedder's consumers all use it, so a dead-letter record reads the same whoever rejected it; {@code dlq.consumer}
 * says who.
 */
public final class DeadLetterHeaders {
    /** Longest message kept in {@code dlq.message}; longer ones are cut. */
    public static final int MAX_MESSAGE_CHARS = 1000;

    private DeadLetterHeaders() {}

    /**
     * A copy of {@code original} with the dead-letter headers set.
     *
     * @param original the record's headers, not modified; may be {@code null}
     * @param reason stable reason code, e.g. {@code corrupt}
     * @param failure what rejected the record
     * @param topic origin topic, empty if unknown
     * @param partition origin partition, -1 if unknown
     * @param offset origin offset, -1 if unknown
     * @return the new headers
     */
    public static Headers of(
            Headers original, String reason, Throwable failure, String topic, int partition, long offset) {
        Headers headers = original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
        HeaderNames.put(headers, HeaderNames.DLQ_REASON, reason);
        HeaderNames.put(headers, HeaderNames.DLQ_MESSAGE, message(failure));
        HeaderNames.put(headers, HeaderNames.DLQ_EXCEPTION, failure.getClass().getName());
        HeaderNames.put(headers, HeaderNames.DLQ_TOPIC, Objects.requireNonNullElse(topic, ""));
        HeaderNames.put(headers, HeaderNames.DLQ_PARTITION, Integer.toString(partition));
        HeaderNames.put(headers, HeaderNames.DLQ_OFFSET, Long.toString(offset));
        return headers;
    }

    /** {@code failure}'s message (or its string form), cut to {@link #MAX_MESSAGE_CHARS}. */
    public static String message(Throwable failure) {
        String message = Objects.requireNonNullElse(failure.getMessage(), failure.toString());
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
