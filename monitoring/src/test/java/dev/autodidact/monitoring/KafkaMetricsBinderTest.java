package dev.autodidact.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binds the metrics of Kafka clients that never connect (nothing listens on their bootstrap port). */
class KafkaMetricsBinderTest {

    private static final String NOWHERE = "127.0.0.1:1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldBindProducerAndConsumerMetersAndRemoveThemOnClose() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", NOWHERE), new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                        Map.of("bootstrap.servers", NOWHERE, "group.id", "binder-test"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            KafkaMetricsBinder binder = new KafkaMetricsBinder(registry);
            binder.bindProducer(producer);
            binder.bindConsumer(consumer);

            assertThat(meterNames())
                    .anyMatch(name -> name.startsWith("kafka.producer."))
                    .anyMatch(name -> name.startsWith("kafka.consumer."));

            binder.close();

            assertThat(meterNames()).noneMatch(name -> name.startsWith("kafka."));
        }
    }

    @Test
    void shouldBindKafkaStreamsMeters(@TempDir Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "binder-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
                KafkaMetricsBinder binder = new KafkaMetricsBinder(registry)) {
            binder.bindStreams(streams);

            assertThat(meterNames()).anyMatch(name -> name.startsWith("kafka.stream."));
        }
    }

    private java.util.List<String> meterNames() {
        return registry.getMeters().stream()
                .map(Meter::getId)
                .map(Meter.Id::getName)
                .toList();
    }
}
