package dev.autodidact.learner.checkpoint;

import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a checkpoint's chunks and manifest and the consumer offsets it covers in one Kafka transaction
 * ({@code sendOffsetsToTransaction}), so that the committed offsets and the newest committed checkpoint always agree,
 * then mirrors it to a local directory. Any failure aborts the transaction and is thrown: a checkpoint that could not
 * be published is an error, never just a log line.
 */
public final class CheckpointPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Optional<Path> mirror;

    public CheckpointPublisher(Map<String, Object> clientProperties, String transactionalId, String topic,
                               Optional<Path> mirror) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.mirror = mirror;
        producer.initTransactions();
    }

    /** Exports the producer's Kafka metrics through {@code binder}. */
    public void bindMetrics(dev.autodidact.monitoring.KafkaMetricsBinder binder) {
        binder.bindProducer(producer);
    }

    /** Publishes {@code checkpoint} and commits {@code offsets} for {@code group} atomically. */
    public void publish(Checkpoint checkpoint, Map<TopicPartition, Long> offsets, ConsumerGroupMetadata group) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o,
                "checkpoint v" + checkpoint.manifest().version())));
        try {
            producer.beginTransaction();
            for (Map.Entry<String, byte[]> r : CheckpointCodec.toRecords(checkpoint)) {
                producer.send(new ProducerRecord<>(topic, 0, r.getKey(), r.getValue()));
            }
            if (!commit.isEmpty()) {
                producer.sendOffsetsToTransaction(commit, group);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new IllegalStateException("Another learner with the same transactional id took over", e);
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw new IllegalStateException("Could not publish checkpoint v" + checkpoint.manifest().version(), e);
        }
        mirror.ifPresent(dir -> CheckpointDirectory.write(dir, checkpoint));
    }

    @Override
    public void close() {
        producer.close();
    }
}
