package dev.autodidact.connectors.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the next pending files into records: at most {@code batchSize} of them, stopping early once their bytes reach
 * {@code batchMaxBytes}. A file over {@code maxFileBytes} is skipped with a WARN and counted, and not looked at again
 * until it changes; a file that cannot be read is counted and retried at the next scan.
 */
public final class BatchReader {
    private static final Logger LOG = LoggerFactory.getLogger(BatchReader.class);

    private final int batchSize;
    private final long batchMaxBytes;
    private final int maxFileBytes;
    private final RawRecordFactory records;
    private final ChangeTracker tracker;
    private final TaskMetrics metrics;

    /**
     * @param batchSize most records per batch
     * @param batchMaxBytes byte budget per batch
     * @param maxFileBytes largest file sent
     * @param records builds the records
     * @param tracker told about every file sent or skipped
     * @param metrics counts skipped and unreadable files
     */
    public BatchReader(
            int batchSize,
            long batchMaxBytes,
            int maxFileBytes,
            RawRecordFactory records,
            ChangeTracker tracker,
            TaskMetrics metrics) {
        this.batchSize = batchSize;
        this.batchMaxBytes = batchMaxBytes;
        this.maxFileBytes = maxFileBytes;
        this.records = Objects.requireNonNull(records, "records");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * @param pending files to send, in order; the ones taken are removed
     * @return the next batch, possibly empty if every file taken was skipped
     */
    public List<SourceRecord> next(Deque<ScannedFile> pending) {
        List<SourceRecord> batch = new ArrayList<>();
        long bytes = 0;
        while (!pending.isEmpty() && batch.size() < batchSize && bytes < batchMaxBytes) {
            ScannedFile file = pending.poll();
            Optional<byte[]> content;
            try {
                content = file.stamp().size() > maxFileBytes
                        ? Optional.empty()
                        : BoundedRead.readAtMost(file.file().source(), maxFileBytes);
            } catch (NoSuchFileException gone) {
                LOG.debug("{} vanished before it was read", file.id());
                continue;
            } catch (IOException e) {
                metrics.unreadable();
                LOG.warn(
                        "Cannot read {}; retrying at the next scan ({} unreadable so far)",
                        file.id(),
                        metrics.unreadableCount(),
                        e);
                continue;
            }
            tracker.handled(file);
            if (content.isEmpty()) {
                skipOversized(file);
                continue;
            }
            batch.add(records.create(file, content.get()));
            bytes += content.get().length;
        }
        return batch;
    }

    private void skipOversized(ScannedFile file) {
        metrics.oversized();
        LOG.warn(
                "Skipping {}: larger than max.file.bytes={} (size {}), not sent to {}; {} files skipped so far",
                file.id(),
                maxFileBytes,
                file.stamp().size(),
                records.topic(),
                metrics.oversizedCount());
    }
}
