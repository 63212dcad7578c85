package dev.autodidact.broker;

import static dev.autodidact.broker.TestClients.createTopic;
import static dev.autodidact.broker.TestClients.readAll;
import static dev.autodidact.broker.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a real embedded KRaft broker and talks to it with the ordinary Kafka clients. */
class EmbeddedKafkaBrokerIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldDeliverOnlyCommittedTransactionalRecordsToReadCommittedConsumer() throws Exception {
        String topic = createTopic(broker.bootstrapServers(), "tx");
        try (KafkaProducer<String, String> producer = TestClients.producer(
                broker.bootstrapServers(), Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, unique("tx-id")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> records = readAll(broker.bootstrapServers(), topic, 1, "read_committed");

        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
    }

    @Test
    void shouldAcceptEightMebibyteRecordWithDefaultTopicConfig() throws Exception {
        String topic = createTopic(broker.bootstrapServers(), "big");
        int size = 8 * 1024 * 1024;
        try (KafkaProducer<byte[], byte[]> producer = TestClients.bytesProducer(broker.bootstrapServers(), 9 << 20)) {
            producer.send(new ProducerRecord<>(topic, new byte[size])).get();
        }

        assertThat(TestClients.readBytesValueSize(broker.bootstrapServers(), topic))
                .isEqualTo(size);
    }

    @Test
    void shouldReportLaptopDefaultsInBrokerConfig() throws Exception {
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Config config = admin.describeConfigs(Set.of(node)).all().get().get(node);

            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("message.max.bytes").value()).isEqualTo(Integer.toString(16 << 20));
            assertThat(config.get("transaction.state.log.replication.factor").value())
                    .isEqualTo("1");
            assertThat(config.get("log.dirs").value())
                    .startsWith(broker.workDir().toString());
        }
    }

    @Test
    void shouldKeepTopicsAndRecordsWhenRestartedOnSameWorkDir(@TempDir Path dir) throws Exception {
        String topic;
        try (EmbeddedKafkaBroker first =
                EmbeddedKafkaBroker.builder().workDir(dir).build().start()) {
            topic = createTopic(first.bootstrapServers(), "restart");
            try (KafkaProducer<String, String> producer = TestClients.producer(first.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>(topic, "k", "survives")).get();
            }
        }
        assertThat(dir).isDirectory();

        try (EmbeddedKafkaBroker second =
                EmbeddedKafkaBroker.builder().workDir(dir).build().start()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains(topic);
            }
            List<ConsumerRecord<String, String>> records =
                    readAll(second.bootstrapServers(), topic, 1, "read_committed");

            assertThat(records).extracting(ConsumerRecord::value).containsExactly("survives");
        }
    }

    @Test
    void shouldReportKafkaAndYammerMetricsToItsMeterRegistryUntilClosed() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EmbeddedKafkaBroker metered =
                EmbeddedKafkaBroker.builder().meterRegistry(registry).build().start()) {
            String topic = createTopic(metered.bootstrapServers(), "metered");
            try (KafkaProducer<String, String> producer = TestClients.producer(metered.bootstrapServers(), Map.of())) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get();
                }
            }

            // Yammer: JVM-global, so at least this broker's records (the class's broker may add its own)
            assertThat(registry.get("kafka.server.brokertopicmetrics.messagesin")
                            .functionCounter()
                            .count())
                    .isGreaterThanOrEqualTo(5.0);
            assertThat(registry.get("kafka.server.brokertopicmetrics.bytesin")
                            .functionCounter()
                            .count())
                    .isPositive();
            assertThat(registry.get("kafka.server.replicamanager.underreplicatedpartitions")
                            .gauge()
                            .value())
                    .isZero();
            assertThat(registry.get("kafka.network.requestmetrics.totaltime")
                            .tag("request", "Produce")
                            .functionTimer()
                            .count())
                    .isGreaterThanOrEqualTo(5.0);
            // Kafka's Metrics, through the reporter
            assertThat(registry.get("kafka.socket.server.connection.creation.total")
                            .tag("listener", "PLAINTEXT")
                            .functionCounters())
                    .isNotEmpty();
            assertThat(registry.get("kafka.raft.current.leader").gauge().value())
                    .isEqualTo(1.0);
        }

        assertThat(registry.getMeters())
                .extracting(Meter::getId)
                .extracting(Meter.Id::getName)
                .noneMatch(name -> name.startsWith("kafka."));
    }

    @Test
    void shouldDeleteItsTemporaryWorkDirOnClose() {
        Path dir;
        try (EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.startTemporary()) {
            dir = temporary.workDir();
            assertThat(dir.resolve("kafka-logs/meta.properties")).exists();
        }

        assertThat(Files.exists(dir)).isFalse();
    }
}
