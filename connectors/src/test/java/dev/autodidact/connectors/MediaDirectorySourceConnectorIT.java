package dev.autodidact.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.HeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in a real in-process Connect worker against a real KRaft broker, configured from the example file
 * {@code config/media-directory-source.properties} (directory, prefix and poll interval replaced).
 */
@ExtendWith(KafkaBrokerExtension.class)
class MediaDirectorySourceConnectorIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path tmp;

    @Test
    void shouldPublishImagesWithHeadersAndThenEachNewOne() throws Exception {
        Path media = Files.createDirectories(tmp.resolve("media"));
        List<String> ids = List.of("cat/0.png", "cat/1.png", "dog/2.png");
        for (int i = 0; i < ids.size(); i++) {
            writePng(media.resolve(ids.get(i)), i);
        }
        String prefix = uniquePrefix();
        try (EmbeddedConnectWorker worker =
                        EmbeddedConnectWorker.start(broker.bootstrapServers(), tmp.resolve("connect.offsets"));
                KafkaConsumer<String, byte[]> consumer = consumer(prefix + "raw.image")) {
            worker.createConnector(connectorProps(media, prefix), TIMEOUT);

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(consumer, new ArrayList<>(), 3, worker);
            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
            for (ConsumerRecord<String, byte[]> r : records) {
                Path file = media.resolve(r.key());
                assertThat(r.value()).isEqualTo(Files.readAllBytes(file));
                assertThat(HeaderNames.get(r.headers(), HeaderNames.CONTENT_TYPE))
                        .contains("image/png");
                assertThat(HeaderNames.get(r.headers(), HeaderNames.SOURCE)).contains(r.key());
                assertThat(HeaderNames.getLong(r.headers(), HeaderNames.EVENT_TIME))
                        .contains(Files.getLastModifiedTime(file).toMillis());
            }

            writePng(media.resolve("dog/3.png"), 3);
            awaitRecords(consumer, records, 4, worker);
            assertThat(records.get(3).key()).isEqualTo("dog/3.png");
        }
    }

    @Test
    void shouldSendOnlyNewFilesAfterWorkerRestart() throws Exception {
        Path media = Files.createDirectories(tmp.resolve("media"));
        for (int i = 0; i < 3; i++) {
            writePng(media.resolve("img" + i + ".png"), i);
        }
        String prefix = uniquePrefix();
        Path offsets = tmp.resolve("connect.offsets");
        Map<String, String> props = connectorProps(media, prefix);
        try (KafkaConsumer<String, byte[]> consumer = consumer(prefix + "raw.image")) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            try (EmbeddedConnectWorker first = EmbeddedConnectWorker.start(broker.bootstrapServers(), offsets)) {
                first.createConnector(props, TIMEOUT);
                awaitRecords(consumer, records, 3, first);
            }
            writePng(media.resolve("img3.png"), 3);
            try (EmbeddedConnectWorker second = EmbeddedConnectWorker.start(broker.bootstrapServers(), offsets)) {
                second.createConnector(props, TIMEOUT);
                awaitRecords(consumer, records, 4, second);
                Thread.sleep(1_500);
                records.addAll(poll(consumer));
            }
            assertThat(records)
                    .extracting(ConsumerRecord::key)
                    .containsExactly("img0.png", "img1.png", "img2.png", "img3.png");
        }
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(
            KafkaConsumer<String, byte[]> consumer,
            List<ConsumerRecord<String, byte[]>> into,
            int count,
            EmbeddedConnectWorker worker) {
        try {
            await().atMost(TIMEOUT).until(() -> {
                into.addAll(poll(consumer));
                return into.size() >= count;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Got " + into.size() + " of " + count + " records; connector "
                            + describe(worker.status("media-it")),
                    e);
        }
        return into;
    }

    private static String describe(ConnectorStateInfo status) {
        StringBuilder s = new StringBuilder(status.connector().state());
        status.tasks()
                .forEach(t -> s.append(", task ")
                        .append(t.id())
                        .append(' ')
                        .append(t.state())
                        .append(t.trace() == null ? "" : ": " + t.trace()));
        return s.toString();
    }

    private static List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> consumer) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
        return batch;
    }

    private static Map<String, String> connectorProps(Path media, String prefix) throws IOException {
        Properties example = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("config", "media-directory-source.properties"))) {
            example.load(in);
        }
        Map<String, String> props = new HashMap<>();
        example.stringPropertyNames().forEach(k -> props.put(k, example.getProperty(k)));
        props.put("name", "media-it");
        props.put(MediaDirectorySourceConfig.DIRECTORY_CONFIG, media.toString());
        props.put(MediaDirectorySourceConfig.TOPIC_PREFIX_CONFIG, prefix);
        props.put(MediaDirectorySourceConfig.POLL_INTERVAL_MS_CONFIG, "200");
        return props;
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                500);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String uniquePrefix() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    /** An 8x8 PNG of noise seeded by {@code seed}, so that each file differs. */
    private static void writePng(Path file, int seed) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, TestImages.encode(TestImages.noise(8, 8, seed), "png"));
    }
}
