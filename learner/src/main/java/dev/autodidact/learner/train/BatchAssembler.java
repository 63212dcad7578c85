package dev.autodidact.learner.train;

import dev.autodidact.schema.example.Example;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Buffers polled records in arrival order and cuts them into batches of a fixed size, tracking per partition the
 * offset after the last record handed out. Records polled but not yet batched are not covered by those offsets, so a
 * restart from a checkpoint re-reads exactly them.
 */
public final class BatchAssembler {
    private final Deque<Entry> buffer = new ArrayDeque<>();
    private final Map<TopicPartition, Long> handedOut = new HashMap<>();

    private record Entry(TopicPartition partition, long offset, Example example) {
    }

    /** Buffers {@code example}, read at {@code offset} of {@code partition}. */
    public void add(TopicPartition partition, long offset, Example example) {
        buffer.addLast(new Entry(partition, offset, example));
    }

    public int buffered() {
        return buffer.size();
    }

    /** Drops buffered records of partitions this consumer no longer owns. */
    public void revoke(java.util.Collection<TopicPartition> partitions) {
        buffer.removeIf(e -> partitions.contains(e.partition()));
        partitions.forEach(handedOut::remove);
    }

    /** The next batch of exactly {@code size} examples, if that many are buffered. */
    public Optional<ExampleBatch> next(int size) {
        if (buffer.size() < size) {
            return Optional.empty();
        }
        List<Example> examples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Entry e = buffer.pollFirst();
            examples.add(e.example());
            handedOut.put(e.partition(), e.offset() + 1);
        }
        return Optional.of(new ExampleBatch(examples, handedOut));
    }
}
