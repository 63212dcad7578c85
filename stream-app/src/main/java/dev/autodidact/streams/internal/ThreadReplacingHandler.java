package dev.autodidact.streams.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of an exception no record handler caught, so the service keeps running; each
 * replacement is logged and counted in {@code autodidact.stream.threads.replaced}.
 */
public final class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {
    /** Counter of replaced stream threads. */
    public static final String THREADS_REPLACED = "autodidact.stream.threads.replaced";
    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacingHandler.class);

    private final Counter replaced;

    /** @param registry where replacements are counted */
    public ThreadReplacingHandler(MeterRegistry registry) {
        replaced = Counter.builder(THREADS_REPLACED).description("Stream threads replaced after an uncaught exception")
                .register(registry);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("A stream thread died; replacing it", exception);
        replaced.increment();
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
