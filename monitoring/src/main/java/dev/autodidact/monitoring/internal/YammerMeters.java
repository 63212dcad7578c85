package dev.autodidact.monitoring.internal;

import com.yammer.metrics.core.Counter;
import com.yammer.metrics.core.Histogram;
import com.yammer.metrics.core.Meter;
import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.Timer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * How one Yammer metric (the metrics library Kafka brokers still report most of their figures through) becomes a
 * Micrometer meter, named as the Prometheus JMX exporter's Kafka rules name the same MBeans, so that existing
 * Kafka dashboards and alerts carry over.
 *
 * <ul>
 *   <li>Name: {@code <group>.<type>.<name>} in lower case, without a {@code PerSec} suffix on meters and a {@code Ms}
 *       or {@code Us} suffix on timers; {@code -} becomes {@code .}. {@code kafka.server:type=BrokerTopicMetrics,
 *       name=MessagesInPerSec} gives {@code kafka.server.brokertopicmetrics.messagesin} (Prometheus:
 *       {@code kafka_server_brokertopicmetrics_messagesin_total}).</li>
 *   <li>Tags: the MBean name's keys other than {@code type} and {@code name}, e.g. {@code request}, {@code error},
 *       {@code delayedOperation}.</li>
 *   <li>Type: meters (their count) as function counters; timers, and histograms of durations (name ending in
 *       {@code Ms} or {@code Us}), as function timers (count and total time; no quantiles); gauges, and counters
 *       (which may go down), as gauges. Other histograms and gauges whose value is not a number are left out.</li>
 * </ul>
 */
public final class YammerMeters {

    private YammerMeters() {}

    /**
     * @param name a Yammer metric name
     * @return the MBean name's keys and values other than {@code type} and {@code name}, sorted by key
     */
    public static Map<String, String> tags(MetricName name) {
        Map<String, String> tags = new TreeMap<>();
        try {
            ObjectName objectName = new ObjectName(name.getMBeanName());
            objectName.getKeyPropertyList().forEach((key, value) -> {
                if (!key.equals("type") && !key.equals("name")) {
                    tags.put(key, value.startsWith("\"") ? ObjectName.unquote(value) : value);
                }
            });
        } catch (MalformedObjectNameException | IllegalArgumentException e) {
            // no tags then: the name alone still identifies the metric
        }
        return tags;
    }

    /**
     * @param name a Yammer metric name
     * @param metric the metric
     * @return its meter, or empty where the metric is left out
     */
    public static Optional<Mapped> map(MetricName name, Metric metric) {
        String base = name.getGroup() + "." + name.getType().toLowerCase(Locale.ROOT) + ".";
        String simple = name.getName();
        List<Tag> tags = new ArrayList<>();
        tags(name).forEach((key, value) -> tags.add(Tag.of(key, value)));
        if (metric instanceof Timer timer) {
            String meterName = meterName(base, trimTimeUnit(simple));
            return Optional.of(new Mapped(
                    meterName,
                    tags,
                    registry -> FunctionTimer.builder(meterName, timer, Timer::count, Timer::sum, timer.durationUnit())
                            .tags(tags)
                            .register(registry)));
        }
        if (metric instanceof Meter meter) {
            String meterName = meterName(base, trim(simple, "PerSec"));
            return Optional.of(new Mapped(
                    meterName,
                    tags,
                    registry -> FunctionCounter.builder(meterName, meter, Meter::count)
                            .tags(tags)
                            .register(registry)));
        }
        if (metric instanceof Histogram histogram) {
            TimeUnit unit = simple.endsWith("Ms")
                    ? TimeUnit.MILLISECONDS
                    : simple.endsWith("Us") ? TimeUnit.MICROSECONDS : null;
            String meterName = meterName(base, trimTimeUnit(simple));
            return unit == null
                    ? Optional.empty()
                    : Optional.of(new Mapped(
                            meterName,
                            tags,
                            registry -> FunctionTimer.builder(
                                            meterName, histogram, Histogram::count, Histogram::sum, unit)
                                    .tags(tags)
                                    .register(registry)));
        }
        String meterName = meterName(base, simple);
        if (metric instanceof Counter counter) {
            return Optional.of(new Mapped(
                    meterName,
                    tags,
                    registry -> Gauge.builder(meterName, counter, Counter::count)
                            .tags(tags)
                            .register(registry)));
        }
        if (metric instanceof com.yammer.metrics.core.Gauge<?> gauge && numeric(gauge)) {
            return Optional.of(new Mapped(
                    meterName,
                    tags,
                    registry -> Gauge.builder(meterName, gauge, YammerMeters::value)
                            .tags(tags)
                            .register(registry)));
        }
        return Optional.empty();
    }

    private static String meterName(String base, String simple) {
        return (base + simple.toLowerCase(Locale.ROOT)).replace('-', '.');
    }

    private static String trimTimeUnit(String name) {
        return trim(trim(name, "Ms"), "Us");
    }

    private static String trim(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? name.substring(0, name.length() - suffix.length())
                : name;
    }

    private static boolean numeric(com.yammer.metrics.core.Gauge<?> gauge) {
        try {
            return gauge.value() instanceof Number;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static double value(com.yammer.metrics.core.Gauge<?> gauge) {
        try {
            return gauge.value() instanceof Number n ? n.doubleValue() : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * A Yammer metric's meter.
     *
     * @param name the meter name
     * @param tags the meter tags
     * @param registrar registers the meter in the registry it is given
     */
    public record Mapped(
            String name, List<Tag> tags, Function<MeterRegistry, io.micrometer.core.instrument.Meter> registrar) {}
}
