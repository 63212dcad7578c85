package dev.autodidact.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A Prometheus meter registry with JVM and process meters, served over HTTP at {@code /metrics}.
 *
 * <p>Every meter carries the common tag {@code service}. A negative port disables the HTTP endpoint and keeps only
 * the registry, so code can record metrics unconditionally.
 *
 * <pre>{@code
 * try (MetricsServer metrics = MetricsServer.start("learner", MetricsServer.DEFAULT_PORT)) {
 *     Counter steps = metrics.registry().counter("autodidact.learner.steps");
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {

    /** The port Prometheus scrapes by default ({@code prometheus/prometheus.yml}). */
    public static final int DEFAULT_PORT = 9464;
    /** The common tag naming the service that owns the registry. */
    public static final String SERVICE_TAG = "service";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final HTTPServer httpServer;

    private MetricsServer(String service, int port) throws IOException {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(SERVICE_TAG, service);
        List<MeterBinder> binders = List.of(
                new ClassLoaderMetrics(),
                new JvmMemoryMetrics(),
                gcMetrics,
                new JvmThreadMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics(),
                new ProcessMemoryMetrics());
        binders.forEach(binder -> binder.bindTo(registry));
        try {
            httpServer = port < 0
                    ? null
                    : HTTPServer.builder()
                            .port(port)
                            .registry(registry.getPrometheusRegistry())
                            .buildAndStart();
        } catch (IOException e) {
            close();
            throw new IOException("Cannot serve metrics on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the registry and, unless {@code port} is negative, serves it at {@code http://host:port/metrics}.
     *
     * @param service the value of the {@code service} tag, e.g. {@code learner}
     * @param port the HTTP port; 0 picks a free one, a negative port serves nothing
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static MetricsServer start(String service, int port) throws IOException {
        Objects.requireNonNull(service, "service");
        return new MetricsServer(service, port);
    }

    /** @return the registry to record meters in */
    public MeterRegistry registry() {
        return registry;
    }

    /** @return the bound HTTP port, or -1 when serving is disabled */
    public int port() {
        return httpServer == null ? -1 : httpServer.getPort();
    }

    /** @return the registry in the Prometheus text format, as {@code /metrics} would answer */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops the HTTP endpoint, unbinds the JVM meters and closes the registry. */
    @Override
    public void close() {
        if (httpServer != null) {
            httpServer.close();
        }
        gcMetrics.close();
        registry.close();
    }
}
