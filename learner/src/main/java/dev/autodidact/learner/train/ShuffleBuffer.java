package dev.autodidact.learner.train;

import dev.autodidact.schema.example.Example;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Decorrelates a stream: polled examples wait here, across partitions and sources, and batches are drawn from them at
 * random instead of in arrival order, so a bursty or class-sorted stream still yields mixed batches. Bounded in bytes
 * and in records; the consumer stops fetching while it is {@link #full()}.
 *
 * <p>Exactly once with out-of-order draws: per partition the buffer tracks the <em>watermark</em>, the lowest offset
 * not yet trained on (every consumed offset below it was trained on or dead-lettered), and the offsets at or above the
 * watermark already drawn ({@link #trainedAhead()}). A checkpoint stores both; a restart seeks to the watermark and
 * skips the offsets trained ahead ({@link #restore}), so no record is trained twice or missed. Both are monotone: the
 * set of trained offsets only grows.
 */
public final class ShuffleBuffer {
    private final long capacityBytes;
    private final int capacityRecords;
    private final SplittableRandom random;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private long bytes;

    private record Entry(TopicPartition partition, long offset, Example example, long bytes) {}

    /** Per partition: offsets in the buffer, offsets drawn ahead of the watermark, and the next offset to consume. */
    private static final class PartitionState {
        final NavigableSet<Long> waiting = new TreeSet<>();
        final NavigableSet<Long> ahead = new TreeSet<>();
        long next = -1;

        long watermark() {
            long w = waiting.isEmpty() ? next : waiting.first();
            return w;
        }

        void prune() {
            long w = watermark();
            ahead.headSet(w, false).clear();
        }
    }

    /**
     * @param capacityBytes bytes of examples held at most
     * @param capacityRecords examples held at most; below the batch size the buffer hands examples out in arrival
     *     order (no shuffling)
     * @param seed seed of the draws
     */
    public ShuffleBuffer(long capacityBytes, int capacityRecords, long seed) {
        this.capacityBytes = capacityBytes;
        this.capacityRecords = capacityRecords;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Continues from a checkpoint: offsets of {@code trainedAhead} are skipped when they arrive ({@link #accept}
     * returns false for them).
     */
    public void restore(Map<TopicPartition, ? extends Collection<Long>> trainedAhead) {
        trainedAhead.forEach((tp, offsets) -> state(tp).ahead.addAll(offsets));
    }

    /**
     * Records that the record at {@code offset} of {@code partition} was polled. Every polled record passes here,
     * usable or not, so that the watermark moves past records that are dead-lettered or skipped.
     *
     * @return false if the record was trained on before a restart (it is in {@link #trainedAhead()}) and must be
     *     skipped
     */
    public boolean accept(TopicPartition partition, long offset) {
        PartitionState s = state(partition);
        s.next = Math.max(s.next, offset + 1);
        boolean fresh = !s.ahead.contains(offset);
        s.prune();
        return fresh;
    }

    /** Buffers {@code example}, read at {@code offset} of {@code partition} (after {@link #accept}). */
    public void add(TopicPartition partition, long offset, Example example) {
        PartitionState s = state(partition);
        s.next = Math.max(s.next, offset + 1);
        s.waiting.add(offset);
        long size = example.arrays().values().stream()
                .mapToLong(t -> t.bytes().length)
                .sum();
        entries.add(new Entry(partition, offset, example, size));
        bytes += size;
    }

    private PartitionState state(TopicPartition tp) {
        return partitions.computeIfAbsent(tp, k -> new PartitionState());
    }

    /** Whether the buffer holds its capacity (in bytes or records): time to stop fetching and to draw. */
    public boolean full() {
        return bytes >= capacityBytes || entries.size() >= Math.max(1, capacityRecords);
    }

    public int buffered() {
        return entries.size();
    }

    public long bytes() {
        return bytes;
    }

    /** Drops the buffered records and the offsets of partitions this consumer no longer owns. */
    public void revoke(Collection<TopicPartition> revoked) {
        entries.removeIf(e -> {
            boolean drop = revoked.contains(e.partition());
            if (drop) {
                bytes -= e.bytes();
            }
            return drop;
        });
        revoked.forEach(partitions::remove);
    }

    /**
     * Draws {@code size} examples at random when the buffer is full, or, with {@code drain}, as soon as it holds that
     * many (the stream is idle: nothing more is coming soon). Below a capacity of {@code size} records, examples are
     * handed out in arrival order.
     */
    public Optional<ExampleBatch> next(int size, boolean drain) {
        if (entries.size() < size || !(full() || drain)) {
            return Optional.empty();
        }
        boolean shuffle = capacityRecords >= size;
        List<Example> examples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int pick = shuffle ? random.nextInt(entries.size()) : 0;
            Entry e = shuffle ? swapRemove(pick) : entries.remove(0);
            bytes -= e.bytes();
            PartitionState s = state(e.partition());
            s.waiting.remove(e.offset());
            s.ahead.add(e.offset());
            examples.add(e.example());
        }
        partitions.values().forEach(PartitionState::prune);
        return Optional.of(new ExampleBatch(examples, watermarks(), trainedAhead()));
    }

    private Entry swapRemove(int index) {
        int last = entries.size() - 1;
        Entry picked = entries.get(index);
        entries.set(index, entries.get(last));
        entries.remove(last);
        return picked;
    }

    /** Per partition, the lowest offset not yet trained on. */
    public Map<TopicPartition, Long> watermarks() {
        Map<TopicPartition, Long> out = new HashMap<>();
        partitions.forEach((tp, s) -> {
            if (s.next >= 0) {
                out.put(tp, s.watermark());
            }
        });
        return out;
    }

    /** Per partition, the offsets at or above the watermark already drawn, ascending. */
    public Map<TopicPartition, List<Long>> trainedAhead() {
        Map<TopicPartition, List<Long>> out = new HashMap<>();
        partitions.forEach((tp, s) -> {
            if (!s.ahead.isEmpty()) {
                out.put(tp, List.copyOf(s.ahead));
            }
        });
        return out;
    }
}
