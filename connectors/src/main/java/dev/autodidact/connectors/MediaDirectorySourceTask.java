package dev.autodidact.connectors;

import dev.autodidact.connectors.internal.BatchReader;
import dev.autodidact.connectors.internal.ChangeTracker;
import dev.autodidact.connectors.internal.DirectoryScanner;
import dev.autodidact.connectors.internal.RawRecordFactory;
import dev.autodidact.connectors.internal.ScannedFile;
import dev.autodidact.connectors.internal.TaskAssignment;
import dev.autodidact.connectors.internal.TaskMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the new and changed media files of its share of a directory (see
 * {@link MediaDirectorySourceConnector}). Each scan lists the files without reading them and queues those whose
 * stamp (modification time, size) differs from the last one sent, as remembered here or in Connect's committed
 * offsets; polls then drain the queue a batch at a time. Once the queue is empty, the next scan waits for
 * {@code poll.interval.ms}.
 *
 * <p>A scan that fails (the directory gone, a zip archive that cannot be opened) fails the poll with a
 * {@link RetriableException}: the worker logs it and the next scan, one interval later, tries again. The walker reads
 * all or nothing, so an archive that stays unreadable holds back the whole directory until it is fixed or removed.
 */
public final class MediaDirectorySourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(MediaDirectorySourceTask.class);

    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Deque<ScannedFile> pending = new ArrayDeque<>();
    private Path directory;
    private DirectoryScanner scanner;
    private ChangeTracker tracker;
    private BatchReader reader;
    private TaskMetrics metrics;
    private long intervalNanos;
    private long nextScanNanos;

    @Override
    public String version() {
        return MediaDirectorySourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        MediaDirectorySourceConfig config = new MediaDirectorySourceConfig(props);
        directory = config.directory();
        if (!Files.isDirectory(directory)) {
            throw new ConnectException(
                    "Not a directory: " + directory + " (" + MediaDirectorySourceConfig.DIRECTORY_CONFIG + ")");
        }
        TaskAssignment assignment = new TaskAssignment(config.taskIndex(), config.taskCount());
        tracker = new ChangeTracker(directory.toString(), context.offsetStorageReader());
        metrics = new TaskMetrics(context.pluginMetrics(), (Gauge<Integer>) (c, now) -> tracker.size());
        scanner = new DirectoryScanner(directory, config.mediaKind(), assignment, config.includeArchives(), metrics);
        reader = new BatchReader(
                config.batchSize(),
                config.batchMaxBytes(),
                config.maxFileBytes(),
                new RawRecordFactory(directory.toString(), config.topic()),
                tracker,
                metrics);
        intervalNanos = config.pollInterval().toNanos();
        nextScanNanos = System.nanoTime();
        LOG.info(
                "Publishing media under {} to {} (task {} of {})",
                directory,
                config.topic(),
                assignment.index() + 1,
                assignment.count());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (pending.isEmpty()) {
            long wait = nextScanNanos - System.nanoTime();
            if (wait > 0 && stopping.await(wait, TimeUnit.NANOSECONDS) || stopping.getCount() == 0) {
                return null;
            }
            scan();
        }
        List<SourceRecord> batch = reader.next(pending);
        return batch.isEmpty() ? null : batch;
    }

    private void scan() {
        nextScanNanos = System.nanoTime() + intervalNanos;
        List<ScannedFile> found;
        try {
            found = scanner.scan();
        } catch (IOException e) {
            throw new RetriableException("Cannot scan " + directory + "; retrying", e);
        }
        List<ScannedFile> changed = tracker.changed(found);
        pending.addAll(changed);
        if (!changed.isEmpty()) {
            LOG.info("{} new or changed of {} files under {}", changed.size(), found.size(), directory);
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
    }

    /** @return how many files were skipped for exceeding {@code max.file.bytes} since this task started */
    public long oversizedFilesSkipped() {
        return metrics == null ? 0 : metrics.oversizedCount();
    }
}
