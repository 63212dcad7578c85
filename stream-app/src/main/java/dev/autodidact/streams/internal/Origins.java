package dev.autodidact.streams.internal;

import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;

/** Reads where the record being processed came from. */
final class Origins {
    private Origins() {}

    /**
     * @param context the processor's context, while it processes a record
     * @return the source topic, partition and offset, or {@link DeadLetters.Origin#UNKNOWN}
     */
    static DeadLetters.Origin of(FixedKeyProcessorContext<?, ?> context) {
        return context.recordMetadata()
                .map(m -> new DeadLetters.Origin(m.topic(), m.partition(), m.offset()))
                .orElse(DeadLetters.Origin.UNKNOWN);
    }
}
