package dev.autodidact.schema.checkpoint;

/**
 * The offsets {@code [from, to)} of one partition.
 *
 * @param from first offset
 * @param to offset after the last
 */
public record OffsetRange(long from, long to) {
    public OffsetRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Invalid offset range [" + from + ", " + to + ")");
        }
    }

    public long size() {
        return to - from;
    }
}
