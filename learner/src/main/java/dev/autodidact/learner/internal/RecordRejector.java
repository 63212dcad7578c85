package dev.autodidact.learner.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a consumer sends a record it cannot use; {@link DeadLetterPublisher} in production. */
@FunctionalInterface
public interface RecordRejector {
    /**
     * Takes {@code record} off the consumer's hands; returns only once it is safe to move past it.
     *
     * @param source which input it came from (bounded), e.g. {@code examples}
     * @param reason stable reason code, e.g. {@code corrupt}
     */
    void reject(ConsumerRecord<byte[], byte[]> record, String source, String reason, Throwable failure);
}
