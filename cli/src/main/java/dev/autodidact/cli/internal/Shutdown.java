package dev.autodidact.cli.internal;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until the JVM is asked to stop (Ctrl-C, SIGTERM), then runs its stop action. */
public final class Shutdown {
    private Shutdown() {}

    /** Registers {@code onStop} as a shutdown hook and waits for it to have run. */
    public static void awaitSignal(Runnable onStop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    onStop.run();
                    stopped.countDown();
                },
                "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}
