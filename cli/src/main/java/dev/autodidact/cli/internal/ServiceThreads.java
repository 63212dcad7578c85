package dev.autodidact.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs services on named daemon threads and remembers the first failure, so a crashed service stops the run. */
public final class ServiceThreads {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceThreads.class);

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public Thread start(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                LOG.error("{} failed", name, e);
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
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
