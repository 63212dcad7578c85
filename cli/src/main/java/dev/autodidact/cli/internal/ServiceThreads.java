package dev.autodidact.cli.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs services on named daemon threads and remembers the first failure, so a crashed service stops the run. With a
 * registry, each thread's liveness is the gauge {@code autodidact.service.running} (1 while it runs, 0 once it ended),
 * tagged {@code service} with the thread's name.
 */
public final class ServiceThreads {
    /** The liveness gauge's name. */
    public static final String RUNNING = "autodidact.service.running";

    private static final Logger LOG = LoggerFactory.getLogger(ServiceThreads.class);

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final MeterRegistry registry;

    /** Threads without a liveness gauge. */
    public ServiceThreads() {
        this(null);
    }

    /** @param registry where the liveness gauges go, or null for none */
    public ServiceThreads(MeterRegistry registry) {
        this.registry = registry;
    }

    public Thread start(String name, Runnable body) {
        Thread t = new Thread(
                () -> {
                    try {
                        body.run();
                    } catch (Throwable e) {
                        LOG.error("{} failed", name, e);
                        failure.compareAndSet(null, e);
                    }
                },
                name);
        t.setDaemon(true);
        threads.add(t);
        if (registry != null) {
            Gauge.builder(RUNNING, t, thread -> thread.isAlive() ? 1 : 0)
                    .strongReference(true)
                    .tag("service", name)
                    .description("1 while the service's work thread runs, 0 once it ended")
                    .register(registry);
        }
        t.start();
        return t;
    }

    /** @return the first failure of any service, or null */
    public Throwable failure() {
        return failure.get();
    }

    /** Throws the first failure of any service, if there was one. */
    public void rethrow() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("A service failed: " + t.getMessage(), t);
        }
    }

    public void joinAll(long millisEach) throws InterruptedException {
        for (Thread t : threads) {
            t.join(millisEach);
        }
    }
}
