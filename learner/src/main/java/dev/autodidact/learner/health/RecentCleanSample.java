package dev.autodidact.learner.health;

import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.internal.RecordRejector;
import dev.autodidact.learner.modality.CleanInputs;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.example.Tensor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The most recent {@code capacity} records of the clean topic, kept up to date by a group-less consumer that starts
 * {@code capacity} records before the end of each partition. What health is measured on: when the stream degrades
 * (for example to constant images), the sample shows it. A record that does not decode is dead-lettered and passed
 * over.
 */
public final class RecentCleanSample implements AutoCloseable {
    /** The {@code source} tag of rejected clean records. */
    public static final String SOURCE = "clean";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final EncoderArchitecture encoder;
    private final String topic;
    private final int capacity;
    private final RecordRejector rejector;
    private final Deque<Tensor> recent = new ArrayDeque<>();
    private boolean assigned;

    public RecentCleanSample(
            Map<String, Object> clientProperties,
            String topic,
            EncoderArchitecture encoder,
            int capacity,
            RecordRejector rejector) {
        this.encoder = encoder;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.capacity = capacity;
        this.rejector = rejector;
    }

    /** Reads what arrived since the last call (briefly) and returns the current sample, oldest first. */
    public List<Tensor> refresh(Duration budget) {
        if (!assigned && !assign()) {
            return List.of();
        }
        long deadline = System.nanoTime() + budget.toNanos();
        int polled;
        do {
            polled = 0;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                accept(r);
                polled++;
            }
        } while (polled > 0 && System.nanoTime() < deadline);
        return List.copyOf(recent);
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            recent.addLast(CleanInputs.read(r.value(), encoder));
        } catch (IllegalArgumentException e) {
            rejector.reject(r, SOURCE, DeadLetterPublisher.UNUSABLE, e);
            return;
        } catch (RuntimeException e) {
            rejector.reject(r, SOURCE, DeadLetterPublisher.CORRUPT, e);
            return;
        }
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
    }

    private boolean assign() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> partitions = infos.stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        consumer.endOffsets(partitions)
                .forEach((tp, end) -> consumer.seek(tp, Math.max(begin.get(tp), end - capacity)));
        assigned = true;
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
