package dev.autodidact.learner.internal;

import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.train.BatchAssembler;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.monitoring.KafkaMetricsBinder;
import dev.autodidact.schema.ImageViews;
import dev.autodidact.schema.serde.ImageViewsSerde;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads examples with {@code read_committed} and no auto-commit: offsets are committed only inside checkpoint
 * transactions. On assignment it seeks to the restored checkpoint's offsets, so a restart resumes exactly where the
 * checkpoint ends even if the group's offsets were lost. Pauses fetching while enough batches are buffered.
 */
public final class ExampleConsumer implements AutoCloseable {
    private static final int BUFFERED_BATCHES = 4;

    private final KafkaConsumer<String, ImageViews> consumer;
    private final BatchAssembler assembler = new BatchAssembler();
    private final String topic;
    private final int batchSize;

    public ExampleConsumer(LearnerConfig config) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(LearnerConfig.GROUP_ID));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "autodidact-learner-examples");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ImageViewsSerde().deserializer());
        this.topic = config.topics().examples(config.modality(), config.method());
        this.batchSize = config.getInt(LearnerConfig.BATCH_SIZE);
    }

    public String topic() {
        return topic;
    }

    /** Subscribes; partitions found in {@code resumeOffsets} start there. */
    public void subscribe(Map<TopicPartition, Long> resumeOffsets) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assembler.revoke(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                for (TopicPartition tp : partitions) {
                    Long offset = resumeOffsets.get(tp);
                    if (offset != null) {
                        consumer.seek(tp, offset);
                    }
                }
            }
        });
    }

    /** Polls until a full batch is buffered or {@code maxWait} passes. */
    public Optional<ExampleBatch> nextBatch(int size, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<ExampleBatch> batch = assembler.next(size);
        while (batch.isEmpty() && System.nanoTime() < deadline) {
            pollOnce(Duration.ofMillis(50));
            batch = assembler.next(size);
        }
        if (batch.isPresent()) {
            pollOnce(Duration.ZERO);
        }
        return batch;
    }

    private void pollOnce(Duration timeout) {
        boolean full = assembler.buffered() >= BUFFERED_BATCHES * batchSize;
        if (full) {
            consumer.pause(consumer.assignment());
        } else {
            consumer.resume(consumer.paused());
        }
        consumer.poll(timeout).forEach(assembler::add);
    }

    /** Exports the consumer's Kafka metrics (fetch rate, records lag) through {@code binder}. */
    public void bindMetrics(KafkaMetricsBinder binder) {
        binder.bindConsumer(consumer);
    }

    public ConsumerGroupMetadata groupMetadata() {
        return consumer.groupMetadata();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
