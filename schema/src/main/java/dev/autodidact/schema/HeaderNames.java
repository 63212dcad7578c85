package dev.autodidact.schema;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Header names used on autodidact topics and helpers to read and write them as UTF-8 strings. */
public final class HeaderNames {
    /** MIME type of a raw record's value, e.g. {@code image/png}. */
    public static final String CONTENT_TYPE = "content-type";
    /** Where a raw record came from (a file path, a URL, a connector name). */
    public static final String SOURCE = "source";
    /** When the media was produced, epoch milliseconds as a decimal string. */
    public static final String EVENT_TIME = "event-time";
    /** Checkpoint version that produced an embedding, decimal string. */
    public static final String MODEL_VERSION = "model-version";
    /** Number of float32 values in an embedding, decimal string. */
    public static final String DIMENSION = "dimension";
    /** Class label of a record on a {@code probe.<modality>} topic. */
    public static final String LABEL = "label";
    /** SSL method that produced the model, e.g. {@code simclr}. */
    public static final String METHOD = "method";

    /** Dead-letter: stable reason code, e.g. {@code corrupt}, {@code too-many-bytes}. */
    public static final String DLQ_REASON = "dlq.reason";
    /** Dead-letter: human-readable message. */
    public static final String DLQ_MESSAGE = "dlq.message";
    /** Dead-letter: the class of the exception that rejected the record. */
    public static final String DLQ_EXCEPTION = "dlq.exception";
    /** Dead-letter: origin topic. */
    public static final String DLQ_TOPIC = "dlq.topic";
    /** Dead-letter: origin partition. */
    public static final String DLQ_PARTITION = "dlq.partition";
    /** Dead-letter: origin offset. */
    public static final String DLQ_OFFSET = "dlq.offset";
    /** Dead-letter: the service that rejected the record ({@code learner}, {@code embedder}, ...); absent for the
     * stream-app. */
    public static final String DLQ_CONSUMER = "dlq.consumer";
    /** Checkpoint manifest records: {@code sha256:<hex>} or {@code hmac-sha256:<hex>} of the manifest's bytes. */
    public static final String CHECKPOINT_SEAL = "checkpoint-seal";

    private HeaderNames() {}

    /** Replaces header {@code name} with a UTF-8 value. */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The last value of header {@code name}, decoded as UTF-8. */
    public static Optional<String> get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null
                ? Optional.empty()
                : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    /** The last value of header {@code name} parsed as a long, if present and numeric. */
    public static Optional<Long> getLong(Headers headers, String name) {
        return get(headers, name).flatMap(s -> {
            try {
                return Optional.of(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
