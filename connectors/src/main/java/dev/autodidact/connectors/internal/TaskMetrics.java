package dev.autodidact.connectors.internal;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What a directory task did not send, counted, never only logged: files over {@code max.file.bytes} and files that
 * could not be read. Registered with the worker's plugin metrics (KIP-877), so they appear next to Connect's own task
 * metrics, tagged with connector and task by the worker; the counts are also readable here.
 */
public final class TaskMetrics {
    public static final String OVERSIZED = "oversized-files-skipped-total";
    public static final String UNREADABLE = "unreadable-files-total";
    public static final String TRACKED = "tracked-files";

    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    /**
     * @param metrics the worker's metrics for this task, or null where the runtime offers none
     * @param tracked how many files the task remembers
     */
    public TaskMetrics(PluginMetrics metrics, Gauge<Integer> tracked) {
        if (metrics != null) {
            register(metrics, OVERSIZED, "Files skipped because they exceed max.file.bytes.",
                    (Gauge<Long>) (config, now) -> oversized.get());
            register(metrics, UNREADABLE, "Files that could not be read when their turn came; retried next scan.",
                    (Gauge<Long>) (config, now) -> unreadable.get());
            register(metrics, TRACKED, "Files whose last sent stamp the task remembers.", tracked);
        }
    }

    private static void register(PluginMetrics metrics, String name, String description, Gauge<?> gauge) {
        metrics.addMetric(metrics.metricName(name, description, new LinkedHashMap<>()), gauge);
    }

    /** Counts one file skipped for its size. */
    public void oversized() {
        oversized.incrementAndGet();
    }

    /** Counts one file that could not be read. */
    public void unreadable() {
        unreadable.incrementAndGet();
    }

    /** @return files skipped for their size so far */
    public long oversizedCount() {
        return oversized.get();
    }

    /** @return unreadable files so far */
    public long unreadableCount() {
        return unreadable.get();
    }
}
