package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code autodidact connect} against a real KRaft broker: the media source publishes real sample images, skips an
 * oversized file, and the worker's connector, task, plugin and producer metrics are served on its /metrics.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectCommandIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path tmp;

    @Test
    void shouldServeTaskAndPluginMetricsOfTheConnectorItRuns() throws Exception {
        String name = "media-connect-it";
        Path connector = MediaSourceFixture.write(tmp, name, 2);
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        ConnectCommand command = new ConnectCommand();
        new CommandLine(command)
                .parseArgs(
                        "--bootstrap",
                        broker.bootstrapServers(),
                        "--topic-prefix",
                        prefix,
                        "--metrics-port",
                        "0",
                        "--work-dir",
                        tmp.resolve("connect").toString(),
                        connector.toString());

        try (ConnectCommand.Running running = command.start();
                KafkaConsumer<String, byte[]> consumer = consumer(prefix + "raw.image")) {
            Set<String> keys = new HashSet<>();
            await("records on " + prefix + "raw.image").atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return keys.size() >= 2;
            });
            assertThat(keys).containsExactlyInAnyOrder("0001.jpg", "0005.jpg");

            await("connector metrics")
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        ScrapedMetrics m = ScrapedMetrics.scrape(running.metricsPort());
                        assertThat(m.value(
                                        "kafka_source_task_source_record_poll_total",
                                        "connector",
                                        name,
                                        "task",
                                        "0",
                                        "service",
                                        "connect"))
                                .as("%s", m.lines("kafka_source_task"))
                                .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2.0));
                        assertThat(m.value(
                                        "kafka_plugins_oversized_files_skipped_total",
                                        "connector",
                                        name,
                                        "task",
                                        "0",
                                        "service",
                                        "connect"))
                                .as("%s", m.lines("kafka_plugins"))
                                .hasValue(1.0);
                        assertThat(m.value(
                                        "kafka_plugins_links_outside_directory_skipped_total",
                                        "connector",
                                        name,
                                        "task",
                                        "0",
                                        "service",
                                        "connect"))
                                .as("%s", m.lines("kafka_plugins"))
                                .hasValue(0.0);
                        assertThat(m.value("kafka_connect_worker_connector_running_task_count", "connector", name))
                                .as("%s", m.lines("kafka_connect_worker"))
                                .hasValue(1.0);
                        assertThat(m.value(
                                        "kafka_producer_record_send_total",
                                        "client_id",
                                        "connector-producer-" + name + "-0"))
                                .as("%s", m.lines("kafka_producer_record_send"))
                                .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2.0));
                    });
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "connect-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        500),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
