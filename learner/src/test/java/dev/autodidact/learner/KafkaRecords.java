package dev.autodidact.learner;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Raw records in and out of a test broker, as an outside client would send and read them. */
public final class KafkaRecords {
    private KafkaRecords() {}

    /** Sends {@code values} with {@code keys} to partition 0 of {@code topic}, one acknowledged send after another. */
    public static List<RecordMetadata> produce(
            EmbeddedKafkaBroker broker, String topic, List<byte[]> keys, List<byte[]> values) throws Exception {
        Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers());
        List<RecordMetadata> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < values.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, 0, keys.get(i), values.get(i)))
                        .get());
            }
        }
        return sent;
    }

    /** Reads {@code topic} from the start until at least {@code atLeast} records arrived, or 30 s passed. */
    public static List<ConsumerRecord<String, byte[]>> readAll(EmbeddedKafkaBroker broker, String topic, int atLeast) {
        Map<String, Object> props = Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "auto.offset.reset",
                "earliest",
                "group.id",
                "reader-" + UUID.randomUUID());
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
