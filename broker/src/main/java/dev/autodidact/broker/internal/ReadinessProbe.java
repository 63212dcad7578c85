package dev.autodidact.broker.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/** Waits until a broker answers an Admin {@code describeCluster} request and lists itself as alive. */
public final class ReadinessProbe {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofMillis(50);

    private ReadinessProbe() {}

    /**
     * Blocks until the broker at {@code bootstrapServers} lists node {@code nodeId} among the alive brokers.
     *
     * @param bootstrapServers where to connect
     * @param nodeId the broker's node id
     * @param timeout how long to wait in total
     * @throws IllegalStateException if the broker is not ready within {@code timeout}
     * @throws InterruptedException if interrupted while waiting
     */
    public static void awaitReady(String bootstrapServers, int nodeId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, (int) BACKOFF.toMillis());
        Exception last = null;
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<Node> nodes =
                            admin.describeCluster().nodes().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    if (nodes.stream().anyMatch(node -> node.id() == nodeId)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(BACKOFF.toMillis());
            }
        }
        throw new IllegalStateException("Broker at " + bootstrapServers + " not ready within " + timeout, last);
    }
}
