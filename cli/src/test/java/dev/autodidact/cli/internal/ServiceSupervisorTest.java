package dev.autodidact.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceSupervisorTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldReturnNonZeroPromptlyWhenTheWorkThreadDiesFromAnException() {
        ServiceSupervisor supervisor = new ServiceSupervisor("embedder", registry);

        int exit = assertTimeoutPreemptively(
                PROMPTLY,
                () -> supervisor.run(
                        () -> {
                            throw new IllegalStateException("boom");
                        },
                        () -> {}));

        assertThat(exit).isEqualTo(ServiceSupervisor.FAILED);
        assertThat(running("embedder")).isZero();
    }

    @Test
    void shouldReturnNonZeroWhenAServiceThatShouldRunUntilStoppedReturnsUnasked() {
        ServiceSupervisor supervisor = new ServiceSupervisor("stream-app", registry);

        int exit = assertTimeoutPreemptively(PROMPTLY, () -> supervisor.run(() -> {}, () -> {}));

        assertThat(exit).isEqualTo(ServiceSupervisor.FAILED);
    }

    @Test
    void shouldReturnZeroWhenAServiceThatMayFinishCompletes() {
        ServiceSupervisor supervisor = new ServiceSupervisor("learner", registry);

        assertThat(assertTimeoutPreemptively(PROMPTLY, () -> supervisor.run(() -> {}, () -> {}, true)))
                .isZero();
    }

    @Test
    void shouldStopTheWorkOnRequestReturnZeroAndReportItRunningUntilThen() throws Exception {
        ServiceSupervisor supervisor = new ServiceSupervisor("embedder", registry);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread command = new Thread(() -> {
            try {
                exit.set(supervisor.run(
                        () -> {
                            started.countDown();
                            awaitQuietly(stop);
                        },
                        stop::countDown));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        command.start();
        started.await();
        assertThat(running("embedder")).isEqualTo(1.0);

        supervisor.requestStop();
        command.join(PROMPTLY.toMillis());

        assertThat(command.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(running("embedder")).isZero();
    }

    private double running(String service) {
        return registry.get(ServiceThreads.RUNNING)
                .tag("service", service)
                .gauge()
                .value();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
