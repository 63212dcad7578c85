package dev.autodidact.streams.internal;

import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the first processor of a sub-topology (the one that turns raw bytes into an {@link Outcome}): it tells
 * {@link PoisonRecords} which source record the stream thread processes, and a record that already killed the thread
 * {@code poison.max.failures} times becomes a {@link Outcome.Rejected} with reason
 * {@value DeadLetters#REPEATED_FAILURE} (its original bytes, the last failure as {@code dlq.message} and
 * {@code dlq.exception}, and its origin) without reaching the wrapped processor. Everything downstream in the
 * sub-topology runs inside the wrapped {@code process} call, so an {@link Error} anywhere there is blamed on the record.
 *
 * @param <T> the accepted value type of the modality
 */
public final class PoisonRecordGuard<T> implements FixedKeyProcessor<String, byte[], Outcome<T>> {
    private static final Logger LOG = LoggerFactory.getLogger(PoisonRecordGuard.class);

    private final PoisonRecords poison;
    private final StreamMetrics metrics;
    private final FixedKeyProcessor<String, byte[], Outcome<T>> delegate;
    private FixedKeyProcessorContext<String, Outcome<T>> context;

    /**
     * @param poison the tracker shared with the uncaught-exception and production handlers
     * @param metrics counts the records read and rejected here
     * @param delegate the processor guarded
     */
    public PoisonRecordGuard(
            PoisonRecords poison, StreamMetrics metrics, FixedKeyProcessor<String, byte[], Outcome<T>> delegate) {
        this.poison = Objects.requireNonNull(poison, "poison");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome<T>> context) {
        this.context = context;
        delegate.init(context);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        DeadLetters.Origin origin = Origins.of(context);
        Optional<Throwable> failure = poison.givenUp(origin);
        if (failure.isPresent()) {
            reject(record, origin, failure.get());
            return;
        }
        poison.processing(origin);
        try {
            delegate.process(record);
        } catch (RuntimeException e) {
            poison.processed(); // the processing handler takes it from here; an Error leaves the origin set
            throw e;
        }
        poison.processed();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void reject(FixedKeyRecord<String, byte[]> record, DeadLetters.Origin origin, Throwable failure) {
        LOG.error(
                "Record {} at {} failed {} times; sending it to the dead-letter topic",
                record.key(),
                origin,
                poison.failures(origin),
                failure);
        metrics.recordIn();
        metrics.recordRejected(DeadLetters.REPEATED_FAILURE);
        context.forward(record.withValue(Outcome.<T>rejected(DeadLetters.fit(record.value())))
                .withHeaders(DeadLetters.headers(record.headers(), DeadLetters.REPEATED_FAILURE, failure, origin)));
    }
}
