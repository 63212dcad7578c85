package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ingest}: a labeled folder lands on the probe topic with its classes as {@code label} headers; with
 * {@code --modality audio}, the WAV files of a folder and its archives land on {@code raw.audio}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestCommandIT {
    private static final Path DEV = Path.of("..", "data", "sample", "cifar10", "dev");
    /** Spoken digits of the Free Spoken Digit Dataset (CC BY-SA 4.0), kept with the stream-app's tests. */
    private static final Path FSDD = Path.of("..", "stream-app", "src", "test", "resources", "audio");

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @Test
    void shouldPublishALabeledFolderToTheProbeTopicWithLabelHeaders() {
        String prefix = "ingest-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        int exit = new CommandLine(new Autodidact())
                .execute(
                        "ingest",
                        "--bootstrap",
                        broker.bootstrapServers(),
                        "--topic-prefix",
                        prefix,
                        "--probe",
                        "--data",
                        DEV.toString());
        assertThat(exit).isZero();
        List<ConsumerRecord<String, byte[]>> records = readAll(new Topics(prefix).probe(Modality.IMAGE));
        Map<String, Integer> perClass = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String label = HeaderNames.get(r.headers(), HeaderNames.LABEL).orElseThrow();
            perClass.merge(label, 1, Integer::sum);
            assertThat(r.key()).startsWith(label + "/");
            assertThat(r.value()).isNotEmpty();
        }
        assertThat(records).hasSize(500);
        assertThat(perClass).hasSize(10).containsEntry("airplane", 50).containsEntry("truck", 50);
    }

    @Test
    void shouldRefuseAFileWithoutClassAndPublishNothing() throws Exception {
        String prefix = "ingest-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Path cat = Files.createDirectories(dir.resolve("cat"));
        try (var images = Files.list(DEV.resolve("cat"))) {
            Path first = images.sorted().findFirst().orElseThrow();
            Files.copy(first, cat.resolve("a.jpg"));
            Files.copy(first, dir.resolve("loose.jpg"));
        }
        int exit = new CommandLine(new Autodidact())
                .execute(
                        "ingest",
                        "--bootstrap",
                        broker.bootstrapServers(),
                        "--topic-prefix",
                        prefix,
                        "--probe",
                        "--data",
                        dir.toString());
        assertThat(exit).isNotZero();
        assertThat(readAll(new Topics(prefix).probe(Modality.IMAGE))).isEmpty();
    }

    @Test
    void shouldPublishTheWavFilesOfAClassFolderAndAZipToRawAudio() throws Exception {
        String prefix = "ingest-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Files.createDirectories(dir.resolve("1"));
        Files.createDirectories(dir.resolve("5"));
        Files.copy(FSDD.resolve("1_jackson_5.wav"), dir.resolve("1/1_jackson_5.wav"));
        Files.copy(FSDD.resolve("5_lucas_12.wav"), dir.resolve("5/5_lucas_12.wav"));
        Files.writeString(dir.resolve("5/cover.jpg"), "not audio");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("8.zip")))) {
            zip.putNextEntry(new ZipEntry("8_nicolas_20.wav"));
            zip.write(Files.readAllBytes(FSDD.resolve("8_nicolas_20.wav")));
            zip.closeEntry();
        }

        int exit = new CommandLine(new Autodidact())
                .execute(
                        "ingest",
                        "--bootstrap",
                        broker.bootstrapServers(),
                        "--topic-prefix",
                        prefix,
                        "--modality",
                        "audio",
                        "--data",
                        dir.toString());

        assertThat(exit).isZero();
        List<ConsumerRecord<String, byte[]>> records = readAll(new Topics(prefix).raw(Modality.AUDIO));
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .containsExactly("1/1_jackson_5.wav", "5/5_lucas_12.wav", "8.zip!/8_nicolas_20.wav");
        assertThat(records.get(2).value()).isEqualTo(Files.readAllBytes(FSDD.resolve("8_nicolas_20.wav")));
        assertThat(records)
                .allSatisfy(r -> assertThat(HeaderNames.get(r.headers(), HeaderNames.CONTENT_TYPE))
                        .contains("audio/wav"));
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            if (consumer.partitionsFor(topic, Duration.ofSeconds(10)).isEmpty()) {
                return out;
            }
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
