package dev.autodidact.broker;

import dev.autodidact.broker.internal.BrokerProperties;
import dev.autodidact.broker.internal.Directories;
import dev.autodidact.broker.internal.KraftStorage;
import dev.autodidact.broker.internal.LocalPorts;
import dev.autodidact.broker.internal.ReadinessProbe;
import dev.autodidact.broker.internal.YammerBindings;
import dev.autodidact.monitoring.MicrometerMetricsReporter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one node) running inside this JVM.
 *
 * <p>The first start formats the storage under the work directory; a later broker on the same directory finds its
 * topics and records again. Defaults suit a laptop (see {@link BrokerProperties}): one partition per topic,
 * replication factor 1 everywhere, transactions on one node, records up to 16 MiB, no topic auto-creation.
 *
 * <p>With {@link Builder#meterRegistry(MeterRegistry)} the broker's own metrics go to a Micrometer registry: those of
 * Kafka's {@code Metrics} (socket server, raft, group coordinator, ...) through {@link MicrometerMetricsReporter} in
 * {@code metric.reporters}, named {@code kafka.<group>.<name>}, and the Yammer metrics (messages and bytes in and
 * out, under-replicated partitions, active controllers, request rates and times, ...) through
 * {@link dev.autodidact.monitoring.YammerMetricsBinder#forBroker}. Kafka keeps the Yammer metrics JVM-globally: with
 * several brokers in one JVM they show the figures of all of them (see {@link YammerBindings}).
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path workDir;
    private final boolean ownsWorkDir;
    private final int requestedPort;
    private final Map<String, String> overrides;
    private final MeterRegistry meterRegistry;
    private MicrometerMetricsReporter.SharedRegistry sharedRegistry;
    private YammerBindings.Binding yammerBinding;
    private KafkaRaftServer server;
    private int port = -1;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder builder) {
        this.ownsWorkDir = builder.workDir == null;
        this.workDir = ownsWorkDir ? newTempDir() : builder.workDir;
        this.requestedPort = builder.port;
        this.overrides = Map.copyOf(builder.overrides);
        this.meterRegistry = builder.meterRegistry;
    }

    /** @return a builder for a broker on a fresh temporary directory and a free port */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a broker on a fresh temporary directory and free ports; closing it deletes the directory.
     *
     * @return the started broker
     */
    public static EmbeddedKafkaBroker startTemporary() {
        return builder().build().start();
    }

    /**
     * Formats the storage if needed, starts the broker and returns once it answers an Admin request.
     *
     * @return this broker
     * @throws IllegalStateException if it was started before, or does not come up within 60 s
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null || closed) {
            throw new IllegalStateException("An EmbeddedKafkaBroker starts once; build a new one to restart");
        }
        long began = System.nanoTime();
        int brokerPort = LocalPorts.resolve(requestedPort);
        int controllerPort = LocalPorts.resolve(0);
        Properties props = BrokerProperties.build(workDir.resolve("kafka-logs"), brokerPort, controllerPort, overrides);
        try {
            Files.createDirectories(workDir);
            KraftStorage.formatIfNeeded(props, workDir.resolve("server.properties"));
            server = new KafkaRaftServer(KafkaConfig.fromProps(withMetrics(props), false), Time.SYSTEM);
            port = brokerPort;
            server.startup();
            ReadinessProbe.awaitReady(bootstrapServers(), BrokerProperties.NODE_ID, START_TIMEOUT);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot prepare broker storage in " + workDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the broker", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info(
                "Kafka broker ready at {} in {} ms (data in {})",
                bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000,
                workDir);
        return this;
    }

    /** The configuration with the metrics reporter added, and the Yammer metrics bound, where a registry is set. */
    private Properties withMetrics(Properties props) {
        if (meterRegistry == null) {
            return props;
        }
        sharedRegistry = MicrometerMetricsReporter.share(meterRegistry);
        yammerBinding = YammerBindings.bind(meterRegistry);
        Properties withReporter = new Properties();
        withReporter.putAll(props);
        withReporter.putAll(sharedRegistry.reporterConfig());
        String configured = props.getProperty("metric.reporters", "");
        if (!configured.isBlank()) {
            withReporter.put("metric.reporters", configured + "," + MicrometerMetricsReporter.class.getName());
        }
        return withReporter;
    }

    /** @return {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers} */
    public synchronized String bootstrapServers() {
        if (port < 0) {
            throw new IllegalStateException("The broker is not started");
        }
        return "127.0.0.1:" + port;
    }

    /** @return the directory holding the broker's configuration and data */
    public Path workDir() {
        return workDir;
    }

    /**
     * Shuts the broker down, waits for it, removes its meters from the registry, if any, and deletes the work
     * directory if it was a temporary one.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (yammerBinding != null) {
            yammerBinding.close();
        }
        if (sharedRegistry != null) {
            sharedRegistry.close();
        }
        if (ownsWorkDir) {
            try {
                Directories.deleteRecursively(workDir);
            } catch (IOException e) {
                LOG.warn("Could not delete broker directory {}", workDir, e);
            }
        }
    }

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory("autodidact-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary broker directory", e);
        }
    }

    /** Configures an {@link EmbeddedKafkaBroker}; every setting is optional. */
    public static final class Builder {
        private Path workDir;
        private int port;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private MeterRegistry meterRegistry;

        private Builder() {}

        /**
         * @param dir the directory for configuration and data, kept on close; default: a temporary one, deleted
         * @return this builder
         */
        public Builder workDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @param port the client port on 127.0.0.1; 0 (the default) picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param name a broker configuration name, e.g. {@code log.retention.ms}
         * @param value its value, replacing the default
         * @return this builder
         */
        public Builder brokerProperty(String name, String value) {
            overrides.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param registry where the broker's metrics go (Kafka's and Yammer's, see the class comment); default: no
         *     registry, the metrics stay in JMX
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** @return a broker, not yet started */
        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
