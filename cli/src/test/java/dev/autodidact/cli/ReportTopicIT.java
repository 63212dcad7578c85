package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.cli.report.ReportData;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report --bootstrap}: manifests read from a real checkpoints topic, aborted checkpoints left out. */
@ExtendWith(KafkaBrokerExtension.class)
class ReportTopicIT {
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @Test
    void shouldReportTheCommittedManifestsOfTheCheckpointsTopic() throws Exception {
        String prefix = "report-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        String topic = new Topics(prefix).checkpoints();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            for (long v = 1; v <= 4; v++) {
                publish(producer, topic, checkpoint(v), v != 3);
            }
        }

        ReportData data = ReportData.fromTopic(
                Map.of("bootstrap.servers", broker.bootstrapServers()), topic, Duration.ofSeconds(30));

        assertThat(data.manifests()).extracting(CheckpointManifest::version).containsExactly(1L, 2L, 4L);
        int code = new CommandLine(new Autodidact())
                .execute(
                        "report",
                        "--bootstrap",
                        broker.bootstrapServers(),
                        "--topic-prefix",
                        prefix,
                        "--out",
                        dir.resolve("report.html").toString());
        assertThat(code).isZero();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("3 versions (v1 to v4)");
        assertThat(dir.resolve("loss.png")).exists();
    }

    private static void publish(KafkaProducer<String, byte[]> producer, String topic, Checkpoint cp, boolean commit) {
        producer.beginTransaction();
        for (Map.Entry<String, byte[]> r : CheckpointCodec.toRecords(cp)) {
            producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue()));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static Checkpoint checkpoint(long v) {
        CheckpointManifest draft = new CheckpointManifest(
                v,
                v - 1,
                "simclr",
                "image",
                ConvEncoderSpec.of(32, new int[] {8, 16}, 0).toMap(),
                10 * v,
                2560 * v,
                Map.of(),
                Map.of("loss", 5.0 - v),
                List.of(),
                0,
                0,
                "",
                1_000_000L * v);
        return CheckpointCodec.assemble(draft, Map.of("encoder", new byte[3000]), 1024);
    }

    private static KafkaProducer<String, byte[]> transactionalProducer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "report-it-" + UUID.randomUUID()),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
