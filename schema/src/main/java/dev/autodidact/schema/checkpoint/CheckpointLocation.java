package dev.autodidact.schema.checkpoint;

/**
 * Where one checkpoint's records lie in the {@code checkpoints} topic (partition 0): from its first chunk to its
 * manifest. A reader seeks to {@code firstOffset} and reads up to {@code manifestOffset}, so finding a checkpoint
 * costs its own bytes, however long the topic's history is.
 *
 * @param version the checkpoint's version (per method)
 * @param firstOffset offset of its first chunk record
 * @param manifestOffset offset of its manifest record
 * @param chunks how many chunk records it has (their keys are tombstoned when it is no longer retained)
 */
public record CheckpointLocation(long version, long firstOffset, long manifestOffset, int chunks) {
    public CheckpointLocation {
        if (version < 1
                || firstOffset < 0
                || manifestOffset < firstOffset
                || chunks < 1
                || chunks > CheckpointLimits.MAX_CHUNKS) {
            throw new CheckpointException(
                    CheckpointException.Reason.CORRUPT,
                    "Bad checkpoint location v" + version + " at " + firstOffset + ".." + manifestOffset);
        }
    }
}
