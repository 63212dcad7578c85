package dev.autodidact.learner.checkpoint;

import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.internal.RecordRejector;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointException;
import dev.autodidact.schema.checkpoint.CheckpointIndex;
import dev.autodidact.schema.checkpoint.CheckpointLocation;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one method's checkpoints: tails the compacted {@code checkpoints.index} topic (one small record per method:
 * where its retained checkpoints lie) and reads a checkpoint from the {@code checkpoints} topic only at its location.
 * Finding the newest costs the index plus one checkpoint, however long the history is. A retained checkpoint that is
 * incomplete, corrupt, too large or wrongly signed is skipped, counted in {@code autodidact.checkpoint.skipped}
 * (method, reason) and the next older one is used. Versions, and so "newer", are per method. Not thread-safe.
 */
public final class CheckpointFollower implements AutoCloseable {
    /** The {@code source} tag of dead-lettered checkpoint and index records. */
    public static final String SOURCE = CheckpointReader.SOURCE;
    /** Counter of checkpoints passed over. */
    public static final String SKIPPED = "autodidact.checkpoint.skipped";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFollower.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> index;
    private final TopicPartition indexPartition;
    private final CheckpointReader reader;
    private final String method;
    private final RecordRejector rejector;
    private final MeterRegistry registry;
    private CheckpointIndex current;
    private final Set<Long> refused = new HashSet<>();
    private long newestVersion;

    public CheckpointFollower(
            Map<String, Object> clientProperties,
            Topics topics,
            String method,
            CheckpointSeal seal,
            MeterRegistry registry,
            RecordRejector rejector) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.index = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.indexPartition = new TopicPartition(topics.checkpointIndex(), 0);
        this.reader = new CheckpointReader(clientProperties, topics.checkpoints(), seal, rejector);
        this.method = method;
        this.rejector = rejector;
        this.registry = registry;
        this.current = new CheckpointIndex(method, List.of());
        for (CheckpointException.Reason r : CheckpointException.Reason.values()) {
            skipped(r.code());
        }
        index.assign(List.of(indexPartition));
        index.seekToBeginning(List.of(indexPartition));
    }

    /**
     * Reads the index to its end and returns the newest usable checkpoint of the method, if any.
     *
     * @throws TimeoutException if the end of the index is not reached within {@code timeout}: settling for an older
     *     checkpoint silently would resume from the wrong place
     */
    public Optional<Checkpoint> catchUp(Duration timeout) throws TimeoutException {
        long end = index.endOffsets(List.of(indexPartition), timeout).get(indexPartition);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (index.position(indexPartition, timeout) < end) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Did not reach the end of " + indexPartition.topic() + " within " + timeout);
            }
            readIndex(Duration.ofMillis(200));
        }
        return newest();
    }

    /** Polls the index once; returns a checkpoint newer than any returned before, if one is usable. */
    public Optional<Checkpoint> poll(Duration timeout) {
        readIndex(timeout);
        return newest();
    }

    /** The method's index as last read: what the publisher extends and prunes. */
    public CheckpointIndex index() {
        return current;
    }

    private void readIndex(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> r : index.poll(timeout)) {
            if (r.key() == null || r.value() == null || !method.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                continue;
            }
            try {
                current = CheckpointIndex.fromBytes(r.value());
            } catch (CheckpointException e) {
                skipped(e.reason().code()).increment();
                rejector.reject(r, SOURCE, DeadLetterPublisher.BAD_CHECKPOINT, e);
            }
        }
    }

    private Optional<Checkpoint> newest() {
        for (CheckpointLocation at : current.retained()) {
            if (at.version() <= newestVersion) {
                break;
            }
            if (refused.contains(at.version())) {
                continue;
            }
            try {
                Checkpoint cp = reader.read(method, at, READ_TIMEOUT);
                newestVersion = at.version();
                return Optional.of(cp);
            } catch (CheckpointException e) {
                refused.add(at.version());
                skipped(e.reason().code()).increment();
                LOG.warn(
                        "Skipping checkpoint {} v{} ({}): {}",
                        method,
                        at.version(),
                        e.reason().code(),
                        e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Counter skipped(String reason) {
        return Counter.builder(SKIPPED)
                .tag("method", method)
                .tag("reason", reason)
                .description("Retained checkpoints passed over because they could not be used")
                .register(registry);
    }

    @Override
    public void close() {
        index.close();
        reader.close();
    }
}
