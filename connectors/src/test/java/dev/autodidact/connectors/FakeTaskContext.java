package dev.autodidact.connectors;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A {@link SourceTaskContext} without a worker: offsets live in a map that {@link #commit(List)} fills the way the
 * worker would after the records were written, and metrics go to a plain {@link Metrics} registry. Several tasks (or
 * a task and its restart) can share one context to share the committed offsets; each task gets its own metrics, as
 * on a worker, tagged with the order in which they asked.
 */
final class FakeTaskContext implements SourceTaskContext, OffsetStorageReader {
    private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();
    private final Metrics metrics = new Metrics();
    private int tasks;

    /** Records the offsets of {@code records} as committed. */
    void commit(List<SourceRecord> records) {
        for (SourceRecord r : records) {
            committed.put(r.sourcePartition(), Map.copyOf(r.sourceOffset()));
        }
    }

    /** @return the current value of metric {@code name} of the task that started last */
    Object metric(String name) {
        String task = Integer.toString(tasks - 1);
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.metrics().entrySet()) {
            if (e.getKey().name().equals(name) && task.equals(e.getKey().tags().get("task"))) {
                return e.getValue().metricValue();
            }
        }
        throw new AssertionError("No metric " + name);
    }

    /** @return how many source partitions have a committed offset */
    int committedCount() {
        return committed.size();
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return this;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return new PluginMetricsImpl(metrics, Map.of("task", Integer.toString(tasks++)));
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return committed.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
        for (Map<String, T> p : partitions) {
            found.put(p, committed.get(p));
        }
        return found;
    }
}
