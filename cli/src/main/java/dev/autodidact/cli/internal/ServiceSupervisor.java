package dev.autodidact.cli.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-running command alive exactly as long as its service works. The work runs on a thread of
 * {@link ServiceThreads} (so its liveness is the gauge {@code autodidact.service.running}); the command's thread waits
 * until that work thread ends, for one of two reasons:
 * <ul>
 *   <li>a stop was requested (Ctrl-C, SIGTERM: a shutdown hook runs the stop action and waits for the work to end):
 *       exit code 0;</li>
 *   <li>the work ended by itself: exit code 1 if it threw (logged with its cause) or if it returned although it
 *       should run until stopped, 0 if the service may finish ({@code learn --steps}).</li>
 * </ul>
 * So a service whose work thread dies takes the process down with a non-zero exit code instead of leaving it (and its
 * /metrics) up.
 */
public final class ServiceSupervisor {
    /** Exit code of a command whose service failed or ended unasked. */
    public static final int FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSupervisor.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String service;
    private final ServiceThreads threads;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Runnable stop = () -> {};

    /**
     * @param service the service's name: the work thread's name and the gauge's {@code service} tag
     * @param registry where the liveness gauge goes, or null for none
     */
    public ServiceSupervisor(String service, MeterRegistry registry) {
        this.service = service;
        this.threads = new ServiceThreads(registry);
    }

    /** {@link #run(Runnable, Runnable, boolean)} for a service that runs until stopped. */
    public int run(Runnable work, Runnable stopAction) throws InterruptedException {
        return run(work, stopAction, false);
    }

    /**
     * Runs {@code work} on its thread until it ends; blocks the calling thread meanwhile.
     *
     * @param work the service's loop
     * @param stopAction makes {@code work} return soon; run once, by the shutdown hook or {@link #requestStop()}
     * @param mayFinish whether {@code work} returning by itself is a normal end
     * @return the exit code for the command: 0, or {@link #FAILED}
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public int run(Runnable work, Runnable stopAction, boolean mayFinish) throws InterruptedException {
        this.stop = stopAction;
        Thread worker = threads.start(service, work);
        Thread hook = new Thread(
                () -> {
                    requestStop();
                    try {
                        worker.join(STOP_TIMEOUT.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                service + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            // Joining, not a latch in the work's finally: the failure is recorded after the work returns.
            worker.join();
        } finally {
            removeHook(hook);
        }
        return exitCode(mayFinish);
    }

    /** Asks the work to stop, as Ctrl-C does; the work ending afterwards is a normal end. */
    public void requestStop() {
        if (stopRequested.compareAndSet(false, true)) {
            stop.run();
        }
    }

    private int exitCode(boolean mayFinish) {
        Throwable failure = threads.failure();
        if (failure != null) {
            LOG.error("{} failed, exiting with code {}: {}", service, FAILED, failure.toString());
            return FAILED;
        }
        if (stopRequested.get() || mayFinish) {
            return 0;
        }
        LOG.error("{} stopped working although no stop was requested; exiting with code {}", service, FAILED);
        return FAILED;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the JVM is stopping anyway
        }
    }
}
