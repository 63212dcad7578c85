package dev.autodidact.learner.checkpoint;

import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.internal.RecordRejector;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointAssembler;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointException;
import dev.autodidact.schema.checkpoint.CheckpointException.Reason;
import dev.autodidact.schema.checkpoint.CheckpointLocation;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one checkpoint from the {@code checkpoints} topic at a known {@link CheckpointLocation}: seeks to its first
 * chunk and reads up to its manifest ({@code read_committed}, no group), so it costs that checkpoint's bytes and not
 * the topic's history. A checkpoint whose records are gone, cut short or corrupt is a {@link CheckpointException};
 * the record that showed it is dead-lettered.
 */
final class CheckpointReader implements AutoCloseable {
    static final String SOURCE = "checkpoints";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final CheckpointSeal seal;
    private final RecordRejector rejector;

    CheckpointReader(Map<String, Object> clientProperties, String topic, CheckpointSeal seal, RecordRejector rejector) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partition = new TopicPartition(topic, 0);
        this.seal = seal;
        this.rejector = rejector;
        consumer.assign(List.of(partition));
    }

    /** @throws CheckpointException if the checkpoint cannot be read whole and intact within {@code timeout} */
    Checkpoint read(String method, CheckpointLocation at, Duration timeout) {
        CheckpointAssembler assembler = new CheckpointAssembler(method, at.version(), seal);
        long deadline = System.nanoTime() + timeout.toNanos();
        consumer.seek(partition, at.firstOffset());
        try {
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() > at.manifestOffset()) {
                        break;
                    }
                    Optional<Checkpoint> done = accept(assembler, r);
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
                if (consumer.position(partition, timeout) > at.manifestOffset()) {
                    break;
                }
            }
        } catch (OffsetOutOfRangeException e) {
            throw new CheckpointException(
                    Reason.INCOMPLETE,
                    "Checkpoint " + method + " v" + at.version() + " is no longer on the topic (offset "
                            + at.firstOffset() + ")",
                    e);
        }
        throw new CheckpointException(
                Reason.INCOMPLETE,
                "Checkpoint " + method + " v" + at.version() + " has no manifest at offset " + at.manifestOffset());
    }

    private Optional<Checkpoint> accept(CheckpointAssembler assembler, ConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        try {
            return assembler.accept(
                    key,
                    r.value(),
                    HeaderNames.get(r.headers(), HeaderNames.CHECKPOINT_SEAL).orElse(null));
        } catch (CheckpointException e) {
            if (CheckpointCodec.isManifestKey(key) || e.reason() != Reason.INCOMPLETE) {
                rejector.reject(r, SOURCE, DeadLetterPublisher.BAD_CHECKPOINT, e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
