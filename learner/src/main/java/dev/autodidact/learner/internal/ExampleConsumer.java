package dev.autodidact.learner.internal;

import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.learner.train.ShuffleBuffer;
import dev.autodidact.learner.train.SourceIds;
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
 * training nor lets the next checkpoint's offsets go backwards. Examples wait in a {@link ShuffleBuffer} and batches
 * are drawn from it at random; fetching pauses while it is full, so a learner that falls behind never buffers without
 * bound (the lag shows in {@code autodidact.learner.consumer.lag}).
 */
public final class ExampleConsumer implements AutoCloseable {
    /** The {@code source} tag of rejected examples. */
    public static final String SOURCE = "examples";

    private final Consumer<byte[], byte[]> consumer;
    private final ShuffleBuffer buffer;
    private final Deserializer<Example> serde = new ExampleSerde().deserializer();
    private final String topic;
    private final ExampleValidator validator;
    private final RecordRejector rejector;
    /** A stream that brought nothing for this long is idle: the buffer is drawn from before it fills. */
    private static final long IDLE_NANOS = Duration.ofSeconds(1).toNanos();

    private long lastRecordNanos = System.nanoTime();
    private volatile long lag = -1;
    private volatile int buffered;

    public ExampleConsumer(LearnerConfig config, ExampleValidator validator, RecordRejector rejector) {
        this(
                new KafkaConsumer<>(properties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                config.topics().examples(config.modality(), config.method()),
                new ShuffleBuffer(
                        config.getLong(LearnerConfig.SHUFFLE_BUFFER_BYTES_CONFIG),
                        config.getInt(LearnerConfig.SHUFFLE_BUFFER_RECORDS_CONFIG),
                        config.getLong(LearnerConfig.SEED_CONFIG)),
                validator,
                rejector);
    }

    /** With a given consumer (Kafka's {@code MockConsumer} in tests) and buffer. */
    public ExampleConsumer(
            Consumer<byte[], byte[]> consumer,
            String topic,
            ShuffleBuffer buffer,
            ExampleValidator validator,
            RecordRejector rejector) {
        this.consumer = consumer;
        this.topic = topic;
        this.buffer = buffer;
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
     * others start at the group's committed offset, or the earliest. Offsets in {@code trainedAhead} (restored from
     * the checkpoint) are skipped when they arrive.
     */
    public void subscribe(
            Supplier<Map<TopicPartition, Long>> trainedUpTo, Map<TopicPartition, List<Long>> trainedAhead) {
        buffer.restore(trainedAhead);
        subscribe(trainedUpTo);
    }

    /** Subscribes with nothing trained ahead, see {@link #subscribe(Supplier, Map)}. */
    public void subscribe(Supplier<Map<TopicPartition, Long>> trainedUpTo) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                buffer.revoke(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                buffer.revoke(partitions);
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

    /**
     * Polls until a batch can be drawn or {@code maxWait} passes: from a full buffer, or, once the stream has brought
     * nothing for a second (it is idle), from whatever the buffer holds.
     */
    public Optional<ExampleBatch> nextBatch(int size, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<ExampleBatch> batch = buffer.next(size, false);
        while (batch.isEmpty() && System.nanoTime() < deadline) {
            if (pollOnce(Duration.ofMillis(50), size) > 0) {
                lastRecordNanos = System.nanoTime();
            }
            batch = buffer.next(size, System.nanoTime() - lastRecordNanos > IDLE_NANOS);
        }
        if (batch.isPresent()) {
            pollOnce(Duration.ZERO, size);
        }
        return batch;
    }

    /** Polls once, unless the buffer is full and holds a batch: then fetching pauses (backpressure). */
    private int pollOnce(Duration timeout, int batchSize) {
        if (buffer.full() && buffer.buffered() >= batchSize) {
            consumer.pause(consumer.assignment());
        } else {
            consumer.resume(consumer.paused());
        }
        int n = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            accept(r);
            n++;
        }
        lag = currentLag();
        buffered = buffer.buffered();
        return n;
    }

    /** Examples waiting in the shuffle buffer, as of the last poll (safe to read from any thread). */
    public int buffered() {
        return buffered;
    }

    /**
     * Records behind the end of the assigned partitions as of the last poll (Kafka's own estimate), or -1 while
     * unknown. Safe to read from any thread: the consumer itself is only used by the training thread.
     */
    public long lag() {
        return lag;
    }

    private long currentLag() {
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            java.util.OptionalLong partitionLag = consumer.currentLag(tp);
            if (partitionLag.isEmpty()) {
                return -1;
            }
            total += partitionLag.getAsLong();
        }
        return total;
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (!buffer.accept(tp, r.offset()) || r.value() == null) {
            return;
        }
        Example example;
        try {
            example = SourceIds.tag(
                    serde.deserialize(r.topic(), r.value()), r.key(), r.topic(), r.partition(), r.offset());
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
        buffer.add(tp, r.offset(), example);
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
