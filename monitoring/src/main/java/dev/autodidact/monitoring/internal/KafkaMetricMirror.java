package dev.autodidact.monitoring.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.stats.CumulativeSum;

/**
 * Kafka metrics ({@link KafkaMetric}) as Micrometer meters, named and typed the way Micrometer's
 * {@code KafkaClientMetrics} and {@code KafkaStreamsMetrics} name and type them, so that dashboards read both alike.
 *
 * <ul>
 *   <li>Name: {@code kafka.<group>.<name>} with {@code -metrics} dropped and {@code -} turned into {@code .}:
 *       group {@code source-task-metrics}, name {@code source-record-poll-total} gives
 *       {@code kafka.source.task.source.record.poll.total} (Prometheus:
 *       {@code kafka_source_task_source_record_poll_total}).</li>
 *   <li>Tags: the metric's tags with {@code -} in keys turned into {@code .}, plus {@code kafka.version}.</li>
 *   <li>Type: a {@link FunctionCounter} for cumulative sums and counts ({@link CumulativeSum} and its subclass
 *       {@code CumulativeCount}) and for plain gauges whose name ends in {@code total}; a {@link Gauge} otherwise.</li>
 *   <li>Skipped: metrics whose value is not a number when they are added (versions, states, ids; also values that
 *       cannot be read yet) and the groups {@code app-info} and {@code kafka-metrics-count}.</li>
 * </ul>
 * Meters read the newest metric of their name at each scrape, so a metric replaced under the same name needs no
 * re-registration. Thread-safe: Kafka calls reporters from any thread.
 */
public final class KafkaMetricMirror {

    private static final Set<String> SKIPPED_GROUPS = Set.of("app-info", "kafka-metrics-count");
    private static final String KAFKA_VERSION = kafkaVersion();

    private final Map<MetricName, KafkaMetric> current = new ConcurrentHashMap<>();
    private final TagConsistentMeters<MetricName> meters;

    /** @param registry where the meters go */
    public KafkaMetricMirror(MeterRegistry registry) {
        this.meters = new TagConsistentMeters<>(registry);
    }

    /**
     * Mirrors a metric that was added or replaced.
     *
     * @param metric the Kafka metric
     */
    public synchronized void put(KafkaMetric metric) {
        MetricName name = metric.metricName();
        if (SKIPPED_GROUPS.contains(name.group()) || !(read(metric) instanceof Number)) {
            remove(name);
            return;
        }
        current.put(name, metric);
        String meterName = meterName(name);
        List<Tag> tags = tags(name);
        boolean counter = isCumulative(metric, name);
        meters.put(
                name,
                meterName,
                tags,
                registry -> counter
                        ? FunctionCounter.builder(meterName, current, m -> value(m, name))
                                .tags(tags)
                                .description(name.description())
                                .register(registry)
                        : Gauge.builder(meterName, current, m -> value(m, name))
                                .tags(tags)
                                .description(name.description())
                                .register(registry));
    }

    /**
     * Removes the meter of a metric that Kafka removed.
     *
     * @param name the metric's name
     */
    public synchronized void remove(MetricName name) {
        meters.remove(name);
        current.remove(name);
    }

    /** Removes every meter. */
    public synchronized void clear() {
        meters.clear();
        current.clear();
    }

    /** @return how many meters are registered */
    public int size() {
        return meters.size();
    }

    /**
     * @param name a Kafka metric name
     * @return its Micrometer meter name
     */
    public static String meterName(MetricName name) {
        return ("kafka." + name.group() + "." + name.name())
                .replace("-metrics", "")
                .replace('-', '.');
    }

    private static List<Tag> tags(MetricName name) {
        List<Tag> tags = new ArrayList<>();
        name.tags().forEach((key, value) -> tags.add(Tag.of(key.replace('-', '.'), value)));
        tags.add(Tag.of("kafka.version", KAFKA_VERSION));
        return tags;
    }

    private static boolean isCumulative(KafkaMetric metric, MetricName name) {
        return metric.isMeasurable()
                ? metric.measurable() instanceof CumulativeSum
                : name.name().endsWith("total");
    }

    private static double value(Map<MetricName, KafkaMetric> metrics, MetricName name) {
        KafkaMetric metric = metrics.get(name);
        return metric != null && read(metric) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return the metric's value, or null where reading it fails (Connect's status gauges before the start) */
    private static Object read(KafkaMetric metric) {
        try {
            return metric.metricValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The version of the Kafka clients on the class path, as Kafka's own {@code app-info} reports it. */
    private static String kafkaVersion() {
        try (InputStream in = KafkaMetric.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown").trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
