package dev.autodidact.connectors.internal;

import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.media.source.SkipReason;
import dev.autodidact.media.source.ZipLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the media files of one {@link MediaKind} that one task owns under the watched directory, in walk order, each
 * with its current stamp. No bytes are read. The walk is
 * {@link MediaFiles#list(Path, MediaKind, ZipLimits, dev.autodidact.media.source.SkipListener)}: the same ids, order
 * and zip handling as the ingest command.
 *
 * <p>Nothing outside the directory is read. A symbolic link (to a file or a directory) whose real target lies outside
 * it is skipped, logged at WARN and counted ({@link TaskMetrics#LINKS_OUTSIDE}) once, when first seen, not at every
 * scan. A link to a file inside the directory is followed and published under the link's own name; a link to a
 * directory is never followed, wherever it points (the target, if inside, is walked under its own name). A zip archive
 * with more entries than {@link ZipLimits#DEFAULT} allows is skipped and counted with the oversized files. The size of
 * entries is left to {@link BatchReader}, which caps every read at {@code max.file.bytes}.
 */
public final class DirectoryScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryScanner.class);
    /** Entry bytes are capped by max.file.bytes in BatchReader, so that oversized entries are tracked like files. */
    private static final ZipLimits LIMITS = new ZipLimits(Long.MAX_VALUE, ZipLimits.DEFAULT.maxEntries());

    private final Path root;
    private final MediaKind kind;
    private final TaskAssignment assignment;
    private final boolean includeArchives;
    private final TaskMetrics metrics;
    private Set<String> skippedLastScan = Set.of();

    /**
     * @param root the watched directory
     * @param kind which files to list: images or WAV recordings
     * @param assignment which files this task owns
     * @param includeArchives whether zip entries are listed
     * @param metrics counts what the walk leaves out
     */
    public DirectoryScanner(
            Path root, MediaKind kind, TaskAssignment assignment, boolean includeArchives, TaskMetrics metrics) {
        this.root = Objects.requireNonNull(root, "root");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        this.includeArchives = includeArchives;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * @return the owned files with their stamps; a file that vanishes during the scan is left out
     * @throws IOException if the directory or an archive cannot be read
     */
    public List<ScannedFile> scan() throws IOException {
        Map<String, Long> modified = new HashMap<>();
        List<ScannedFile> owned = new ArrayList<>();
        Set<String> skipped = new HashSet<>();
        List<MediaFile> files = MediaFiles.list(root, kind, LIMITS, (path, reason, detail) -> {
            if (assignment.owns(path)) {
                skipped.add(path);
                if (!skippedLastScan.contains(path)) {
                    count(path, reason, detail);
                }
            }
        });
        skippedLastScan = skipped;
        for (MediaFile file : files) {
            if ((file.inArchive() && !includeArchives) || !assignment.owns(file.id())) {
                continue;
            }
            Long lastModified = modified.get(file.relativePath());
            if (lastModified == null) {
                try {
                    lastModified = Files.getLastModifiedTime(root.resolve(file.relativePath()))
                            .toMillis();
                } catch (NoSuchFileException gone) {
                    continue;
                }
                modified.put(file.relativePath(), lastModified);
            }
            owned.add(new ScannedFile(file, new FileStamp(lastModified, file.size())));
        }
        return owned;
    }

    private void count(String path, SkipReason reason, String detail) {
        if (reason == SkipReason.LINK_OUTSIDE_ROOT) {
            metrics.linkOutside();
            LOG.warn("Skipping {}: {}; not sent ({} links skipped so far)", path, detail, metrics.linksOutsideCount());
        } else {
            metrics.oversized();
            LOG.warn(
                    "Skipping {}: {}; not sent ({} files skipped for size so far)",
                    path,
                    detail,
                    metrics.oversizedCount());
        }
    }
}
