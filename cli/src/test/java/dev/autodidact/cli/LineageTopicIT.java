package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.cli.lineage.LineageManifests;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
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
import picocli.CommandLine;

/** {@code lineage --bootstrap}: the chain read from a real checkpoints topic, one method among two. */
@ExtendWith(KafkaBrokerExtension.class)
class LineageTopicIT {
    private static EmbeddedKafkaBroker broker;

    @Test
    void shouldFollowTheChainOnTheCheckpointsTopic() throws Exception {
        String prefix = "lineage-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        String topic = new Topics(prefix).checkpoints();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        List<CheckpointManifest> manifests = new ArrayList<>(LineageManifests.threeVersionChain());
        manifests.add(LineageManifests.manifest("byol", 1, 0, Map.of(), Map.of(), Map.of()));
        try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            for (CheckpointManifest m : manifests) {
                producer.send(new ProducerRecord<>(
                        topic, CheckpointCodec.manifestKey(m.method(), m.version()), CheckpointCodec.writeManifest(m)));
            }
            producer.commitTransaction();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Autodidact())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));

        int code = cli.execute(
                "lineage",
                "--version",
                "3",
                "--method",
                "simclr",
                "--bootstrap",
                broker.bootstrapServers(),
                "--topic-prefix",
                prefix,
                "--timeout-seconds",
                "30");

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("ancestry").findValuesAsText("version")).containsExactly("3", "2", "1");
        assertThat(json.at("/cumulative_consumed/total").asLong()).isEqualTo(420);
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("source").asText()).endsWith(topic);

        assertThat(cli.execute(
                        "lineage",
                        "--version",
                        "3",
                        "--bootstrap",
                        broker.bootstrapServers(),
                        "--topic-prefix",
                        prefix))
                .isEqualTo(1);
        assertThat(err.toString()).contains("several methods [byol, simclr]");
    }

    private static KafkaProducer<String, byte[]> transactionalProducer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "lineage-it-" + UUID.randomUUID()),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
