package dev.autodidact.cli;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.cli.internal.Shutdown;
import dev.autodidact.monitoring.MetricsServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the embedded single-node KRaft broker alone until stopped, with its metrics (Kafka's and the Yammer ones:
 * messages and bytes in and out, under-replicated partitions, request rates, ...) on {@code --metrics-port}.
 */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = "Run the embedded single-node KRaft Kafka broker until Ctrl-C; its metrics on --metrics-port.")
public final class BrokerCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "9092",
            description = "Client port; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--work-dir",
            defaultValue = "work/broker",
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(
            names = "--metrics-port",
            defaultValue = "9466",
            description =
                    "Prometheus port (job autodidact-broker); 0 for any free port, -1 for none (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        try (Running running = start()) {
            System.out.println("Kafka broker listening on " + running.broker().bootstrapServers() + ", data in "
                    + workDir + ", metrics on "
                    + (running.metricsPort() < 0 ? "(off)" : "http://localhost:" + running.metricsPort() + "/metrics"));
            Shutdown.awaitSignal(() -> System.out.println("Stopping broker"));
        }
        return 0;
    }

    /**
     * Starts the metrics endpoint and the broker reporting into it.
     *
     * @return both, running until closed
     * @throws IOException if the metrics port cannot be bound
     */
    public Running start() throws IOException {
        MetricsServer metrics = MetricsServer.start("broker", metricsPort);
        try {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                    .workDir(workDir)
                    .port(port)
                    .meterRegistry(metrics.registry())
                    .build()
                    .start();
            return new Running(metrics, broker);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /** A started broker and its metrics endpoint. */
    public static final class Running implements AutoCloseable {
        private final MetricsServer metrics;
        private final EmbeddedKafkaBroker broker;

        private Running(MetricsServer metrics, EmbeddedKafkaBroker broker) {
            this.metrics = metrics;
            this.broker = broker;
        }

        /** @return the broker */
        public EmbeddedKafkaBroker broker() {
            return broker;
        }

        /** @return the bound metrics port, or -1 when off */
        public int metricsPort() {
            return metrics.port();
        }

        /** Stops the broker, then the endpoint. */
        @Override
        public void close() {
            broker.close();
            metrics.close();
        }
    }
}
