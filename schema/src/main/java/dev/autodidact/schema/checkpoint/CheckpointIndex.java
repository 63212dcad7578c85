package dev.autodidact.schema.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.schema.checkpoint.CheckpointException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The value of a {@code checkpoints.index} record, key = method: the locations of the method's retained checkpoints,
 * newest first. The index topic is compacted, so it holds one small record per method and a reader finds the newest
 * checkpoint of its method without reading the checkpoints themselves.
 *
 * @param method the SSL method
 * @param retained where each retained version lies, newest first
 */
public record CheckpointIndex(String method, List<CheckpointLocation> retained) {
    /** Most locations one index record may list. */
    public static final int MAX_RETAINED = 1000;

    private static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public CheckpointIndex {
        retained = retained.stream()
                .sorted(Comparator.comparingLong(CheckpointLocation::version).reversed())
                .toList();
    }

    /** This index with {@code newest} added and only the newest {@code keep} versions retained. */
    public CheckpointIndex plus(CheckpointLocation newest, int keep) {
        List<CheckpointLocation> all = new ArrayList<>(retained);
        all.removeIf(l -> l.version() == newest.version());
        all.add(newest);
        CheckpointIndex sorted = new CheckpointIndex(method, all);
        return new CheckpointIndex(method, sorted.retained.subList(0, Math.min(keep, sorted.retained.size())));
    }

    /** The locations in this index that {@code next} no longer retains. */
    public List<CheckpointLocation> droppedBy(CheckpointIndex next) {
        return retained.stream()
                .filter(l -> next.retained.stream().noneMatch(n -> n.version() == l.version()))
                .toList();
    }

    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the checkpoint index of " + method, e);
        }
    }

    /** @throws CheckpointException if the bytes are not an index record within the limits */
    public static CheckpointIndex fromBytes(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new CheckpointException(Reason.TOO_LARGE, "Checkpoint index record of " + bytes.length + " bytes");
        }
        try {
            CheckpointIndex index = JSON.readValue(bytes, CheckpointIndex.class);
            if (index.method() == null
                    || index.retained() == null
                    || index.retained().size() > MAX_RETAINED) {
                throw new CheckpointException(Reason.CORRUPT, "Checkpoint index record without method or list");
            }
            return index;
        } catch (IOException e) {
            throw new CheckpointException(Reason.CORRUPT, "Not a checkpoint index record: " + e.getMessage(), e);
        }
    }
}
