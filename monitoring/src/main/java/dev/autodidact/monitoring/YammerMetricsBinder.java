package dev.autodidact.monitoring;

import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import com.yammer.metrics.core.MetricsRegistryListener;
import dev.autodidact.monitoring.internal.TagConsistentMeters;
import dev.autodidact.monitoring.internal.YammerMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Binds the metrics of a Yammer {@link MetricsRegistry}, the library Kafka brokers and controllers report most of
 * their figures through ({@code KafkaYammerMetrics.defaultRegistry()}), to a Micrometer registry: those present when
 * bound and those added later, through a {@link MetricsRegistryListener}; a metric removed from the source leaves
 * the registry too. Names, tags and types follow {@link YammerMeters}: e.g.
 * {@code kafka_server_brokertopicmetrics_messagesin_total},
 * {@code kafka_server_replicamanager_underreplicatedpartitions},
 * {@code kafka_controller_kafkacontroller_activecontrollercount},
 * {@code kafka_network_requestmetrics_totaltime_seconds_count{request="Produce"}} in Prometheus.
 *
 * <p>Each binder has its own listener and meters, so one source may be bound to several registries and each binder
 * closed on its own. Binding one source twice into the same registry shares the meters, and the first
 * {@link #close()} removes them: keep one binder per pair. The values are those of the source: Kafka's default
 * Yammer registry is JVM-global, so with several brokers in one JVM they are shared (Kafka registers a broker's
 * metrics under names without the broker id).
 */
public final class YammerMetricsBinder implements MeterBinder, AutoCloseable {

    private static final Set<String> BROKER_GROUPS = Set.of(
            "kafka.server",
            "kafka.controller",
            "kafka.log",
            "kafka.network",
            "kafka.coordinator.group",
            "kafka.coordinator.transaction");
    private static final Set<String> REQUEST_METRICS = Set.of("RequestsPerSec", "ErrorsPerSec", "TotalTimeMs");

    private final MetricsRegistry source;
    private final Predicate<MetricName> include;
    private final Listener listener = new Listener();
    private TagConsistentMeters<MetricName> meters;
    private boolean closed;

    /**
     * @param source the Yammer registry
     * @param include which of its metrics to bind
     */
    public YammerMetricsBinder(MetricsRegistry source, Predicate<MetricName> include) {
        this.source = Objects.requireNonNull(source, "source");
        this.include = Objects.requireNonNull(include, "include");
    }

    /**
     * A binder of a broker's (and KRaft controller's) metrics with bounded cardinality: the groups
     * {@code kafka.server}, {@code kafka.controller}, {@code kafka.log}, {@code kafka.network},
     * {@code kafka.coordinator.group} and {@code kafka.coordinator.transaction}, without the metrics of a single topic
     * or partition (tagged {@code topic} or {@code partition}: their number grows with the data), and of the
     * per-request-type {@code kafka.network:type=RequestMetrics} only {@code RequestsPerSec}, {@code ErrorsPerSec}
     * and {@code TotalTimeMs} (the queue, local, remote, throttle and send times and the request sizes are left out).
     *
     * @param source the broker's Yammer registry, {@code KafkaYammerMetrics.defaultRegistry()}
     * @return the binder, not yet bound
     */
    public static YammerMetricsBinder forBroker(MetricsRegistry source) {
        return new YammerMetricsBinder(source, YammerMetricsBinder::isBoundedBrokerMetric);
    }

    private static boolean isBoundedBrokerMetric(MetricName name) {
        if (!BROKER_GROUPS.contains(name.getGroup())) {
            return false;
        }
        Map<String, String> tags = YammerMeters.tags(name);
        if (tags.containsKey("topic") || tags.containsKey("partition")) {
            return false;
        }
        return !name.getType().equals("RequestMetrics") || REQUEST_METRICS.contains(name.getName());
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (meters != null || closed) {
            throw new IllegalStateException("A YammerMetricsBinder binds one registry, once");
        }
        meters = new TagConsistentMeters<>(registry);
        source.addListener(listener);
    }

    /** @return how many meters this binder has registered */
    public synchronized int size() {
        return meters == null ? 0 : meters.size();
    }

    /** Stops listening to the source and removes this binder's meters. */
    @Override
    public synchronized void close() {
        closed = true;
        source.removeListener(listener);
        if (meters != null) {
            meters.clear();
        }
    }

    private final class Listener implements MetricsRegistryListener {
        @Override
        public void onMetricAdded(MetricName name, Metric metric) {
            if (!include.test(name)) {
                return;
            }
            synchronized (YammerMetricsBinder.this) {
                if (!closed) {
                    YammerMeters.map(name, metric).ifPresent(m -> meters.put(name, m.name(), m.tags(), m.registrar()));
                }
            }
        }

        @Override
        public void onMetricRemoved(MetricName name) {
            synchronized (YammerMetricsBinder.this) {
                if (!closed) {
                    meters.remove(name);
                }
            }
        }
    }
}
