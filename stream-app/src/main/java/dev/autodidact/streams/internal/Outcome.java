package dev.autodidact.streams.internal;

/**
 * What a validating processor made of one raw record: a usable value, or a rejection that carries the original bytes
 * to the dead-letter topic. The reason, message and origin travel as headers added by the processor.
 *
 * @param <T> the canonical value type of the modality
 */
public sealed interface Outcome<T> {
    /**
     * @param value the canonical value
     * @param <T> its type
     * @return an accepted outcome
     */
    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    /**
     * @param original the raw value as it arrived, possibly {@code null}
     * @param <T> the value type the record would have had
     * @return a rejected outcome
     */
    static <T> Outcome<T> rejected(byte[] original) {
        return new Rejected<>(original);
    }

    /**
     * A usable value.
     *
     * @param value the canonical value
     * @param <T> its type
     */
    record Accepted<T>(T value) implements Outcome<T> {}

    /**
     * A record for the dead-letter topic.
     *
     * @param original the raw value as it arrived, possibly {@code null}
     * @param <T> the value type the record would have had
     */
    record Rejected<T>(byte[] original) implements Outcome<T> {}
}
