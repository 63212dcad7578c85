package dev.autodidact.learner.internal;

import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.train.BatchAssembler;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.monitoring.KafkaMetricsBinder;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.serde.ExampleSerde;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads examples with {@code read_committed} and no auto-commit: offsets are committed only inside checkpoint
 * transactions. Values arrive as bytes and are decoded and validated here, one record at a time, so a record that
 * does not deserialize or does not fit the method goes to the dead-letter topic and consumption continues past it.
 *
 * <p>On every assignment a partition is moved to where training stands for it (the restored checkpoint's offset,
 * later the offset after the last record trained on), never back to the startup offsets: a rebalance neither rewinds
 * training nor lets the next checkpoint's offsets go backwards. Pauses fetching while enough batches are buffered.
 */
public final class ExampleConsumer implements AutoCloseable {
    /** The {@code source} tag of rejected examples. */
    public static final String SOURCE = "examples";
    private static final int BUFFERED_BATCHES = 4;

    private final Consumer<byte[], byte[]> consumer;
    private final BatchAssembler assembler = new BatchAssembler();
    private final Deserializer<Example> serde = new ExampleSerde().deserializer();
    private final String topic;
    private final int batchSize;
    private final ExampleValidator validator;
    private final RecordRejector rejector;

    public ExampleConsumer(LearnerConfig config, ExampleValidator validator, RecordRejector rejector) {
        this(new KafkaConsumer<>(properties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                config.topics().examples(config.modality(), config.method()), config.getInt(LearnerConfig.BATCH_SIZE_CONFIG),
                validator, rejector);
    }

    /** With a given consumer (Kafka's {@code MockConsumer} in tests). */
    public ExampleConsumer(Consumer<byte[], byte[]> consumer, String topic, int batchSize, ExampleValidator validator,
                           RecordRejector rejector) {
        this.consumer = consumer;
        this.topic = topic;
        this.batchSize = batchSize;
        this.validator = validator;
        this.rejector = rejector;
    }

    private static Map<String, Object> properties(LearnerConfig config) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "autodidact-learner-examples-" + config.method());
        return props;
    }

    public String topic() {
        return topic;
    }

    /**
     * Subscribes. On each assignment, partitions found in {@code trainedUpTo} (read at that moment) start there;
     * others start at the group's committed offset, or the earliest.
     */
    public void subscribe(Supplier<Map<TopicPartition, Long>> trainedUpTo) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assembler.revoke(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                assembler.revoke(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                Map<TopicPartition, Long> offsets = trainedUpTo.get();
                for (TopicPartition tp : partitions) {
                    Long offset = offsets.get(tp);
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
        consumer.poll(timeout).forEach(this::accept);
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        Example example;
        try {
            example = serde.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            rejector.reject(r, SOURCE, DeadLetterPublisher.CORRUPT, e);
            return;
        }
        try {
            validator.check(example);
        } catch (IllegalArgumentException e) {
            rejector.reject(r, SOURCE, DeadLetterPublisher.UNUSABLE, e);
            return;
        }
        assembler.add(new TopicPartition(r.topic(), r.partition()), r.offset(), example);
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
