package dev.autodidact.connectors.internal;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What a directory task did not send, counted, never only logged: files over {@code max.file.bytes} (and zip
 * archives over their entry limit), files that could not be read, and symbolic links leading out of the directory.
 * Registered with the worker's plugin metrics (KIP-877), so they appear next to Connect's own task
 * metrics, tagged with connector and task by the worker; the counts are also readable here.
 */
public final class TaskMetrics {
    public static final String OVERSIZED = "oversized-files-skipped-total";
    public static final String UNREADABLE = "unreadable-files-total";
    public static final String TRACKED = "tracked-files";
    public static final String LINKS_OUTSIDE = "links-outside-directory-skipped-total";

    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong linksOutside = new AtomicLong();

    /**
     * @param metrics the worker's metrics for this task, or null where the runtime offers none
     * @param tracked how many files the task remembers
     */
    public TaskMetrics(PluginMetrics metrics, Gauge<Integer> tracked) {
        if (metrics != null) {
            register(metrics, OVERSIZED, "Files skipped because they exceed max.file.bytes.", (Gauge<Long>)
                    (config, now) -> oversized.get());
            register(
                    metrics,
                    UNREADABLE,
                    "Files that could not be read when their turn came; retried next scan.",
                    (Gauge<Long>) (config, now) -> unreadable.get());
            register(
                    metrics,
                    LINKS_OUTSIDE,
                    "Symbolic links skipped because their target lies outside the directory.",
                    (Gauge<Long>) (config, now) -> linksOutside.get());
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

    /** Counts one symbolic link refused for leading out of the directory. */
    public void linkOutside() {
        linksOutside.incrementAndGet();
    }

    /** @return links refused so far */
    public long linksOutsideCount() {
        return linksOutside.get();
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
