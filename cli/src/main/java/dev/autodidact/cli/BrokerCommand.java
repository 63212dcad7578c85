package dev.autodidact.cli;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.monitoring.MetricsServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded single-node KRaft broker alone until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run the embedded single-node KRaft Kafka broker until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--work-dir", defaultValue = "work/broker", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--metrics-port", defaultValue = "9464", description = "Prometheus port; -1 for none (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        try (MetricsServer metrics = MetricsServer.start("broker", metricsPort);
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().workDir(workDir).port(port).build().start()) {
            System.out.println("Kafka broker listening on " + broker.bootstrapServers() + ", data in " + workDir);
            dev.autodidact.cli.internal.Shutdown.awaitSignal(() -> System.out.println("Stopping broker"));
        }
        return 0;
    }
}
