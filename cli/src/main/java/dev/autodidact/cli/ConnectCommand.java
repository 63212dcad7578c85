package dev.autodidact.cli;

import dev.autodidact.cli.internal.ConnectWorker;
import dev.autodidact.cli.internal.Shutdown;
import dev.autodidact.monitoring.MetricsServer;
import dev.autodidact.monitoring.MicrometerMetricsReporter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a Kafka Connect standalone worker in this JVM with the connectors of the given properties files (e.g.
 * {@code connectors/config/media-directory-source.properties}) until Ctrl-C. Its metrics reach
 * {@code --metrics-port} through {@link MicrometerMetricsReporter}: the worker's ({@code kafka_connect_worker_*}),
 * the connectors' and tasks' ({@code kafka_source_task_*}, {@code kafka_connector_task_*}, {@code kafka_task_error_*}),
 * the plugins' own ({@code kafka_plugins_*}, e.g. the media source's oversized-files-skipped-total) and those of the
 * tasks' producers ({@code kafka_producer_*}), all tagged {@code service="connect"}.
 *
 * <p>It needs {@code --bootstrap}: a worker on an embedded broker would lose its records with the command. There is
 * no REST API; source offsets are kept in {@code <work-dir>/connect.offsets}, so a restart sends only new files.
 */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = {
            "Run a Kafka Connect standalone worker in this JVM with the connectors of the given "
                    + "properties files until Ctrl-C; worker, connector, task and plugin metrics on --metrics-port.",
            "Needs --bootstrap. No REST API; offsets in <work-dir>/connect.offsets (default work/connect)."
        })
public final class ConnectCommand implements Callable<Integer> {
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> CLIENT_PREFIXES = List.of("", "producer.", "consumer.", "admin.");

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--metrics-port",
            defaultValue = "9465",
            description =
                    "Prometheus port (job autodidact-connect); 0 for any free port, -1 for none (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(
            names = "--worker-config",
            description = "Worker properties file, e.g. connectors/config/connect-standalone.properties; its settings "
                    + "replace the defaults (converters, offset flush every 10 s, service_load plugin discovery).")
    Path workerConfig;

    @Parameters(
            arity = "1..*",
            paramLabel = "CONNECTOR.properties",
            description = "Connector configurations; with --topic-prefix given, it replaces their topic.prefix.")
    List<Path> connectorFiles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (kafka.bootstrap == null) {
            System.err.println("connect needs --bootstrap: an embedded broker would vanish with this command");
            return 2;
        }
        try (Running running = start()) {
            running.connectors().forEach(name -> System.out.println("connector " + describe(running.status(name))));
            System.out.println("Connect worker running against " + kafka.bootstrap + ", metrics on "
                    + (running.metricsPort() < 0 ? "(off)" : "http://localhost:" + running.metricsPort() + "/metrics"));
            Shutdown.awaitSignal(() -> {
                System.out.println("Stopping Connect worker");
                running.close();
            });
        }
        return 0;
    }

    /**
     * Starts the metrics endpoint, the worker reporting into it and the connectors.
     *
     * @return the running worker
     * @throws Exception if a file cannot be read, the worker cannot start or a connector is refused
     */
    public Running start() throws Exception {
        if (kafka.bootstrap == null) {
            throw new IllegalArgumentException("connect needs --bootstrap");
        }
        List<Map<String, String>> connectors = new ArrayList<>();
        for (Path file : connectorFiles) {
            connectors.add(connectorConfig(file));
        }
        MetricsServer metrics = MetricsServer.start("connect", metricsPort);
        MicrometerMetricsReporter.SharedRegistry shared = MicrometerMetricsReporter.share(metrics.registry());
        Running running = new Running(metrics, shared);
        try {
            running.worker = ConnectWorker.start("autodidact-connect", workerSettings(shared));
            for (Map<String, String> connector : connectors) {
                running.worker.createConnector(connector, CREATE_TIMEOUT);
                running.connectors.add(connector.get("name"));
            }
            return running;
        } catch (Exception e) {
            running.close();
            throw e;
        }
    }

    private Map<String, String> workerSettings(MicrometerMetricsReporter.SharedRegistry shared) throws IOException {
        Map<String, String> settings = new HashMap<>();
        Path offsetsDir = kafka.workDir != null ? kafka.workDir : Path.of("work", "connect");
        Files.createDirectories(offsetsDir);
        settings.put(
                StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG,
                offsetsDir.resolve("connect.offsets").toString());
        kafka.clientProperties()
                .forEach((key, value) ->
                        CLIENT_PREFIXES.forEach(prefix -> settings.put(prefix + key, String.valueOf(value))));
        if (workerConfig != null) {
            settings.putAll(load(workerConfig));
        }
        settings.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap);
        for (String prefix : List.of("", "producer.")) {
            shared.reporterConfig()
                    .forEach((key, value) -> settings.merge(
                            prefix + key,
                            value,
                            (configured, ours) -> key.equals("metric.reporters")
                                            && !configured.isBlank()
                                            && !configured.contains(MicrometerMetricsReporter.class.getName())
                                    ? configured + "," + MicrometerMetricsReporter.class.getName()
                                    : ours));
        }
        return settings;
    }

    private Map<String, String> connectorConfig(Path file) throws IOException {
        Map<String, String> props = load(file);
        if (props.getOrDefault("name", "").isBlank()) {
            throw new IllegalArgumentException("Connector file " + file + " sets no 'name'");
        }
        if (spec != null
                && spec.commandLine() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--topic-prefix")) {
            props.put("topic.prefix", kafka.topicPrefix);
        }
        return props;
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> props = new HashMap<>();
        p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k).strip()));
        return props;
    }

    private static String describe(ConnectorStateInfo status) {
        StringBuilder s = new StringBuilder(status.name())
                .append(' ')
                .append(status.connector().state());
        status.tasks()
                .forEach(t -> s.append(", task ").append(t.id()).append(' ').append(t.state()));
        return s.toString();
    }

    /** A running worker with its connectors and metrics endpoint. */
    public static final class Running implements AutoCloseable {
        private final MetricsServer metrics;
        private final MicrometerMetricsReporter.SharedRegistry shared;
        private final List<String> connectors = new ArrayList<>();
        private ConnectWorker worker;
        private boolean closed;

        private Running(MetricsServer metrics, MicrometerMetricsReporter.SharedRegistry shared) {
            this.metrics = metrics;
            this.shared = shared;
        }

        /** @return the bound metrics port, or -1 when off */
        public int metricsPort() {
            return metrics.port();
        }

        /** @return the names of the connectors started */
        public List<String> connectors() {
            return List.copyOf(connectors);
        }

        /**
         * @param name a connector's name
         * @return the states of the connector and its tasks
         */
        public ConnectorStateInfo status(String name) {
            return worker.status(name);
        }

        /** Stops the worker (connectors, tasks, their offsets and metrics), then the endpoint. */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (worker != null) {
                worker.close();
            }
            shared.close();
            metrics.close();
        }
    }
}
