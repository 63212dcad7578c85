package dev.autodidact.learner.checkpoint;

import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointIndex;
import dev.autodidact.schema.checkpoint.CheckpointLocation;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a checkpoint in one Kafka transaction with the consumer offsets it covers ({@code
 * sendOffsetsToTransaction}): its chunks, its sealed manifest, the method's updated {@code checkpoints.index} record,
 * and tombstones for the chunks of versions no longer retained (their manifests stay, as history). Committed offsets,
 * the newest checkpoint and the index therefore always agree. Then it mirrors the checkpoint to a local directory,
 * pruned the same way. Any failure aborts the transaction and is thrown: a checkpoint that could not be published is
 * an error, never just a log line.
 */
public final class CheckpointPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final Optional<Path> mirror;
    private final CheckpointSeal seal;
    private final int retain;
    private CheckpointIndex index;

    /**
     * @param index the method's index as read at start-up ({@link CheckpointFollower#index()})
     * @param retain how many versions keep their weights
     */
    public CheckpointPublisher(
            Map<String, Object> clientProperties,
            String transactionalId,
            Topics topics,
            Optional<Path> mirror,
            CheckpointSeal seal,
            CheckpointIndex index,
            int retain) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.mirror = mirror;
        this.seal = seal;
        this.index = index;
        this.retain = retain;
        producer.initTransactions();
    }

    /** Exports the producer's Kafka metrics through {@code binder}. */
    public void bindMetrics(dev.autodidact.monitoring.KafkaMetricsBinder binder) {
        binder.bindProducer(producer);
    }

    /** Publishes {@code checkpoint} and commits {@code offsets} for {@code group} atomically. */
    public void publish(Checkpoint checkpoint, Map<TopicPartition, Long> offsets, ConsumerGroupMetadata group) {
        String method = checkpoint.manifest().method();
        long version = checkpoint.manifest().version();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o, method + " checkpoint v" + version)));
        CheckpointIndex next;
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, byte[]> r : CheckpointCodec.toRecords(checkpoint)) {
                RecordHeaders headers = new RecordHeaders();
                if (CheckpointCodec.isManifestKey(r.getKey())) {
                    HeaderNames.put(headers, HeaderNames.CHECKPOINT_SEAL, seal.seal(r.getValue()));
                }
                sent.add(producer.send(
                        new ProducerRecord<>(topics.checkpoints(), 0, r.getKey(), r.getValue(), headers)));
            }
            producer.flush();
            next = index.plus(
                    new CheckpointLocation(
                            version,
                            sent.get(0).get().offset(),
                            sent.get(sent.size() - 1).get().offset(),
                            checkpoint.manifest().chunks()),
                    retain);
            producer.send(new ProducerRecord<>(topics.checkpointIndex(), 0, method, next.toBytes()));
            for (CheckpointLocation old : index.droppedBy(next)) {
                for (int i = 0; i < old.chunks(); i++) {
                    producer.send(new ProducerRecord<>(
                            topics.checkpoints(), 0, CheckpointCodec.chunkKey(method, old.version(), i), null));
                }
            }
            if (!commit.isEmpty()) {
                producer.sendOffsetsToTransaction(commit, group);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new IllegalStateException("Another learner with the same transactional id took over", e);
        } catch (KafkaException | ExecutionException e) {
            producer.abortTransaction();
            throw new IllegalStateException("Could not publish checkpoint " + method + " v" + version, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            producer.abortTransaction();
            throw new IllegalStateException("Interrupted while publishing checkpoint v" + version, e);
        }
        index = next;
        mirror.ifPresent(dir -> {
            CheckpointDirectory.write(dir, checkpoint, seal);
            CheckpointDirectory.prune(dir, retain);
        });
    }

    @Override
    public void close() {
        producer.close();
    }
}
