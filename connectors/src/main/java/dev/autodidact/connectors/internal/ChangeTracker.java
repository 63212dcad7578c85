package dev.autodidact.connectors.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Remembers the stamp each file was last handled with (sent, or skipped as oversized) and picks from a scan the files
 * that are new or changed. A file not handled in this task's lifetime is looked up in Connect's committed offsets,
 * all such files of a scan in one call, so a restart sends only what changed since the last commit.
 */
public final class ChangeTracker {
    private final String directory;
    private final OffsetStorageReader offsets;
    private final Map<String, FileStamp> handled = new HashMap<>();

    /**
     * @param directory the watched directory, absolute: part of every source partition
     * @param offsets the task's view of committed offsets
     */
    public ChangeTracker(String directory, OffsetStorageReader offsets) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
    }

    /**
     * Selects the files to send and forgets files that no longer exist, so the memory held follows the directory.
     *
     * @param scan every file the task owns now
     * @return the new or changed ones, in scan order
     */
    public List<ScannedFile> changed(List<ScannedFile> scan) {
        Set<String> present = new HashSet<>();
        List<Map<String, Object>> unknown = new ArrayList<>();
        for (ScannedFile f : scan) {
            present.add(f.id());
            if (!handled.containsKey(f.id())) {
                unknown.add(FileOffsets.partition(directory, f.id()));
            }
        }
        handled.keySet().retainAll(present);
        if (!unknown.isEmpty()) {
            offsets.offsets(unknown)
                    .forEach((partition, offset) -> FileOffsets.stamp(offset)
                            .ifPresent(stamp -> handled.put((String) partition.get(FileOffsets.FILE_KEY), stamp)));
        }
        List<ScannedFile> changed = new ArrayList<>();
        for (ScannedFile f : scan) {
            if (!f.stamp().equals(handled.get(f.id()))) {
                changed.add(f);
            }
        }
        return changed;
    }

    /**
     * Records that a file was sent or skipped with this stamp; it is not selected again until the stamp changes.
     *
     * @param file the file
     */
    public void handled(ScannedFile file) {
        handled.put(file.id(), file.stamp());
    }

    /** @return how many files are remembered */
    public int size() {
        return handled.size();
    }
}
