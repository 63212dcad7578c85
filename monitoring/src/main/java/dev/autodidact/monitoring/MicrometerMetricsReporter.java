package dev.autodidact.monitoring;

import dev.autodidact.monitoring.internal.KafkaMetricMirror;
import dev.autodidact.monitoring.internal.SharedRegistries;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A Kafka {@link MetricsReporter} that mirrors every metric of the Kafka component it is configured in (a broker,
 * a Connect worker with its connector, task and plugin metrics, a producer, consumer or admin client) into a
 * Micrometer registry, named as Micrometer's Kafka binders name them: {@code kafka.<group>.<name>} with the
 * metric's tags and {@code kafka.version}, cumulative totals as counters, everything else numeric as gauges (see
 * {@link KafkaMetricMirror} for the exact rules). Kafka creates reporters by class name, so the registry is found
 * through the configuration, in one of two modes:
 *
 * <ul>
 *   <li>In-process: the code that embeds the component shares its registry under a name with {@link #share} and
 *       puts {@link SharedRegistry#reporterConfig()} into the component's configuration
 *       ({@code autodidact.metrics.registry=<name>}).</li>
 *   <li>Own endpoint: {@code autodidact.metrics.port=<port>} (and optionally {@code autodidact.metrics.service})
 *       starts a {@link MetricsServer} on that port, shared by every reporter of the JVM configured with it. This is
 *       the mode for an external Connect worker:
 *       <pre>{@code
 * metric.reporters=org.apache.kafka.common.metrics.JmxReporter,dev.autodidact.monitoring.MicrometerMetricsReporter
 * autodidact.metrics.port=9465
 * autodidact.metrics.service=connect
 * # the worker's source-task producers, into the same endpoint
 * producer.metric.reporters=org.apache.kafka.common.metrics.JmxReporter,dev.autodidact.monitoring.MicrometerMetricsReporter
 * producer.autodidact.metrics.port=9465
 * producer.autodidact.metrics.service=connect
 *       }</pre>
 *       with this module's jar and its runtime dependencies (Micrometer, the Prometheus client) on the worker's
 *       class path (not its {@code plugin.path}).</li>
 * </ul>
 * Setting {@code metric.reporters} replaces Kafka's default, so list {@link JmxReporter} too to keep JMX. The meters
 * leave the registry when the component closes its metrics. One registry should mirror one component of a kind: two
 * brokers reporting into one registry would share meters of the same name and tags.
 */
public final class MicrometerMetricsReporter implements MetricsReporter {

    /** A {@code metric.reporters} value with Kafka's JMX reporter and this one. */
    public static final String METRIC_REPORTERS =
            JmxReporter.class.getName() + "," + MicrometerMetricsReporter.class.getName();

    private KafkaMetricMirror mirror;
    private Integer serverPort;

    /** Kafka's reflective constructor; {@link #configure} follows. */
    public MicrometerMetricsReporter() {}

    /**
     * Shares a registry with the reporters of this JVM until the returned handle closes.
     *
     * @param registry the registry, typically {@link MetricsServer#registry()}
     * @return the handle, with the configuration that points a reporter at the registry
     */
    public static SharedRegistry share(MeterRegistry registry) {
        String name = SharedRegistries.uniqueName("registry");
        SharedRegistries.share(name, registry);
        return new SharedRegistry(name, registry);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        MicrometerMetricsReporterConfig config = new MicrometerMetricsReporterConfig(configs);
        MeterRegistry registry;
        if (config.registryName().isPresent()) {
            String name = config.registryName().get();
            registry = SharedRegistries.find(name)
                    .orElseThrow(() -> new ConfigException(
                            MicrometerMetricsReporterConfig.REGISTRY_CONFIG,
                            name,
                            "no registry is shared under this name in " + "this JVM; set "
                                    + MicrometerMetricsReporterConfig.PORT_CONFIG + " for an endpoint of its own"));
        } else {
            serverPort = config.port().orElseThrow();
            registry = SharedRegistries.acquireServer(serverPort, config.service());
        }
        mirror = new KafkaMetricMirror(registry);
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        mirror().put(metric);
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        mirror().remove(metric.metricName());
    }

    /** Removes the meters and, in the own-endpoint mode, releases the endpoint. */
    @Override
    public synchronized void close() {
        if (mirror != null) {
            mirror.clear();
        }
        if (serverPort != null) {
            SharedRegistries.release(serverPort);
            serverPort = null;
        }
    }

    /**
     * @param port a value of {@code autodidact.metrics.port}
     * @return the port its endpoint listens on (the bound one for 0), or -1 if no reporter holds it open
     */
    public static int endpointPort(int port) {
        return SharedRegistries.boundPort(port);
    }

    private KafkaMetricMirror mirror() {
        if (mirror == null) {
            throw new IllegalStateException("MicrometerMetricsReporter used before configure()");
        }
        return mirror;
    }

    /** A registry shared with the reporters of this JVM under a generated name; closing withdraws it. */
    public static final class SharedRegistry implements AutoCloseable {
        private final String name;
        private final MeterRegistry registry;

        private SharedRegistry(String name, MeterRegistry registry) {
            this.name = name;
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** @return the value of {@code autodidact.metrics.registry} that finds the registry */
        public String name() {
            return name;
        }

        /**
         * @return {@code metric.reporters} (JMX and this reporter) and {@code autodidact.metrics.registry}, to add
         *     to a Kafka component's configuration (with {@code producer.} etc. in front for a worker's clients)
         */
        public Map<String, String> reporterConfig() {
            return Map.of("metric.reporters", METRIC_REPORTERS, MicrometerMetricsReporterConfig.REGISTRY_CONFIG, name);
        }

        /** Withdraws the registry; reporters configured before keep using it until their component closes. */
        @Override
        public void close() {
            SharedRegistries.withdraw(name, registry);
        }
    }
}
