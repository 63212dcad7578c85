package dev.autodidact.streams.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of a throwable no record handler caught (an {@link Error} from a processor, or a
 * production error answered with {@code fail()}), so the service keeps running; each replacement is logged and
 * counted in {@code autodidact.stream.threads.replaced}, registered at 0 when the handler is made so the series
 * exists before the first failure.
 *
 * <p>Under exactly-once the replacement thread starts again from the last commit, so a record that fails every time
 * would kill thread after thread. The handler therefore counts one failure of the record the dying thread was
 * processing in {@link PoisonRecords} (Kafka Streams calls it on that thread); after {@code poison.max.failures} the
 * {@link PoisonRecordGuard} sends that record to the dead-letter topic and processing moves past it.
 */
public final class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {
    /** Counter of replaced stream threads. */
    public static final String THREADS_REPLACED = "autodidact.stream.threads.replaced";

    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacingHandler.class);

    private final Counter replaced;
    private final PoisonRecords poison;

    /**
     * @param registry where replacements are counted
     * @param poison where the failure is blamed on the record being processed
     */
    public ThreadReplacingHandler(MeterRegistry registry, PoisonRecords poison) {
        replaced = Counter.builder(THREADS_REPLACED)
                .description("Stream threads replaced after an uncaught exception")
                .register(registry);
        this.poison = Objects.requireNonNull(poison, "poison");
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("A stream thread died; replacing it", exception);
        poison.threadDied(exception);
        replaced.increment();
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
