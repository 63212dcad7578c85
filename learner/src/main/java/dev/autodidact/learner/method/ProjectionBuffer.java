package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A fixed-size ring buffer of recent rows (DeepCluster's detached projections) on a long-lived manager: one array
 * allocated once and overwritten in place, the oldest rows first, so that an unbounded stream keeps a bounded sample
 * of its recent past to cluster. It counts the rows ever written; the write position and how many rows are filled
 * follow from that count, which is all a checkpoint needs besides the array.
 */
final class ProjectionBuffer {
    private final NDArray rows;
    private final int capacity;
    private long written;

    ProjectionBuffer(NDManager manager, int capacity, int dim) {
        if (capacity < 1 || dim < 1) {
            throw new IllegalArgumentException("Buffer needs at least one row and column, got " + capacity + "x" + dim);
        }
        this.capacity = capacity;
        this.rows = manager.zeros(new Shape(capacity, dim), DataType.FLOAT32);
    }

    /** Writes {@code batch} (n, d) over the oldest rows; of a batch larger than the buffer only its last rows stay. */
    void push(NDArray batch) {
        long n = batch.getShape().get(0);
        NDArray kept = n > capacity ? batch.get(new NDIndex("{}:", n - capacity)) : batch;
        int count = (int) Math.min(n, capacity);
        int start = (int) (written % capacity);
        int first = Math.min(count, capacity - start);
        rows.set(new NDIndex("{}:{}", start, start + first), kept.get(new NDIndex("0:{}", first)));
        if (first < count) {
            rows.set(new NDIndex("0:{}", count - first), kept.get(new NDIndex("{}:", first)));
        }
        written += n;
    }

    /** Rows holding data: the capacity once the buffer has wrapped. */
    int filled() {
        return (int) Math.min(written, capacity);
    }

    boolean full() {
        return written >= capacity;
    }

    int capacity() {
        return capacity;
    }

    /** The filled rows, copied onto {@code scope}, so that the buffer's own manager gains no arrays. */
    NDArray filledRows(NDManager scope) {
        return rows.get(scope, new NDIndex("0:{}", filled()));
    }

    /** The buffer and its count as a checkpoint section. */
    byte[] save() {
        return ArrayState.save(written, rows);
    }

    /**
     * Restores what {@link #save()} wrote, in place.
     *
     * @throws IllegalStateException if the section is missing, malformed, of another shape or has a negative count
     */
    void load(byte[] state, String section) {
        long saved = ArrayState.load(state, rows, section);
        if (saved < 0) {
            throw new IllegalStateException("Section '" + section + "' counts " + saved + " rows");
        }
        written = saved;
    }
}
