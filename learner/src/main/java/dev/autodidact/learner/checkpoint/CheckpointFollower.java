package dev.autodidact.learner.checkpoint;

import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointAssembler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the {@code checkpoints} topic from the beginning with {@code read_committed} and keeps up with it: only
 * checkpoints whose transaction committed are seen, each exactly when its manifest arrives. Used by the learner to
 * resume and by the embedder to pick up new versions. Not thread-safe.
 */
public final class CheckpointFollower implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final CheckpointAssembler assembler = new CheckpointAssembler();
    private Checkpoint newest;

    public CheckpointFollower(Map<String, Object> clientProperties, String topic) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** Reads everything committed so far and returns the newest complete checkpoint, if any. */
    public Optional<Checkpoint> catchUp(Duration timeout) {
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) < end && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return Optional.ofNullable(newest);
    }

    /** Polls once; returns a checkpoint newer than any returned before, if one completed. */
    public Optional<Checkpoint> poll(Duration timeout) {
        Checkpoint before = newest;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            assembler.accept(r.key(), r.value()).ifPresent(cp -> {
                if (newest == null || cp.manifest().version() > newest.manifest().version()) {
                    newest = cp;
                }
            });
        }
        return newest != before ? Optional.of(newest) : Optional.empty();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
