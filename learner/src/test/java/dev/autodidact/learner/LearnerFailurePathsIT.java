package dev.autodidact.learner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.checkpoint.CheckpointFollower;
import dev.autodidact.learner.health.ProbeSet;
import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.TopicAdmin;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointIndex;
import dev.autodidact.schema.checkpoint.CheckpointLocation;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.example.Tensor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The learner's failure paths against a real broker: bad records, several methods, checkpoints that cannot be used. */
@ExtendWith(KafkaBrokerExtension.class)
class LearnerFailurePathsIT {
    private static final int BATCH = 16;
    private static final int SIZE = 16;
    private static EmbeddedKafkaBroker broker;

    private static Topics topics() throws Exception {
        Topics topics = new Topics("it-" + UUID.randomUUID() + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicAdmin.ensure(admin, topics.pipeline(Modality.IMAGE, "simclr"));
            TopicAdmin.ensure(admin, topics.pipeline(Modality.IMAGE, "byol"));
        }
        return topics;
    }

    static Map<String, Object> config(
            EmbeddedKafkaBroker broker, Topics topics, String method, Path dir, long maxSteps) {
        Map<String, Object> props = new HashMap<>();
        props.put(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(LearnerConfig.TOPIC_PREFIX_CONFIG, topics.prefix());
        props.put(LearnerConfig.METHOD_CONFIG, method);
        props.put(LearnerConfig.BATCH_SIZE_CONFIG, BATCH);
        props.put(ImageKit.IMAGE_SIZE_CONFIG, SIZE);
        props.put(ImageKit.ENCODER_WIDTHS_CONFIG, "8,16");
        props.put(LearnerConfig.PROJECTION_HIDDEN_CONFIG, 32);
        props.put(LearnerConfig.PROJECTION_DIM_CONFIG, 16);
        props.put(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG, 4L);
        props.put(LearnerConfig.CHECKPOINT_RETAIN_VERSIONS_CONFIG, 2);
        props.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, dir.toString());
        props.put(LearnerConfig.MAX_STEPS_CONFIG, maxSteps);
        return props;
    }

    static LearnerProgress train(Map<String, Object> config) throws Exception {
        Learner learner = new Learner(new LearnerConfig(config), new SimpleMeterRegistry());
        CompletableFuture.runAsync(learner::run).get(180, TimeUnit.SECONDS);
        return learner.progress();
    }

    static byte[] example(Random r, int size) {
        byte[] a = new byte[size * size * 3];
        byte[] b = new byte[size * size * 3];
        r.nextBytes(a);
        r.nextBytes(b);
        return TestExamples.views(new CleanImage(size, size, a), new CleanImage(size, size, b));
    }

    private static List<RecordMetadata> produce(String topic, List<byte[]> keys, List<byte[]> values) throws Exception {
        return KafkaRecords.produce(broker, topic, keys, values);
    }

    private static void produceExamples(Topics topics, String method, int n, Map<Integer, byte[]> replacements)
            throws Exception {
        Random r = new Random(method.hashCode());
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(("id-" + i).getBytes(StandardCharsets.UTF_8));
            values.add(replacements.getOrDefault(i, example(r, SIZE)));
        }
        produce(topics.examples(Modality.IMAGE, method), keys, values);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        return HeaderNames.get(r.headers(), name).orElse(null);
    }

    @Test
    void shouldDeadLetterGarbageAndUnusableExamplesAndKeepTraining(@TempDir Path dir) throws Exception {
        Topics topics = topics();
        produceExamples(
                topics,
                "simclr",
                2 * BATCH + 2,
                Map.of(5, "not an example".getBytes(StandardCharsets.UTF_8), 10, example(new Random(1), 8)));

        LearnerProgress progress = train(config(broker, topics, "simclr", dir, 2));

        assertThat(progress.step()).as("trained past both bad records").isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> dead = KafkaRecords.readAll(broker, topics.deadLetter(), 2);
        assertThat(dead)
                .extracting(r -> header(r, HeaderNames.DLQ_REASON))
                .containsExactly(DeadLetterPublisher.CORRUPT, DeadLetterPublisher.UNUSABLE);
        assertThat(dead).extracting(r -> header(r, HeaderNames.DLQ_OFFSET)).containsExactly("5", "10");
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, HeaderNames.DLQ_TOPIC)).isEqualTo(topics.examples(Modality.IMAGE, "simclr"));
            assertThat(header(r, HeaderNames.DLQ_CONSUMER)).isEqualTo("learner");
            assertThat(header(r, HeaderNames.DLQ_EXCEPTION)).isNotBlank();
        });
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not an example");
    }

    @Test
    void shouldResumeEachMethodFromItsOwnNewestCheckpoint(@TempDir Path dir) throws Exception {
        Topics topics = topics();
        produceExamples(topics, "simclr", 12 * BATCH, Map.of());
        produceExamples(topics, "byol", 12 * BATCH, Map.of());
        train(config(broker, topics, "simclr", dir.resolve("simclr"), 8));
        LearnerProgress byol = train(config(broker, topics, "byol", dir.resolve("byol"), 12));
        assertThat(byol.version())
                .as("byol published last, with the higher version")
                .isEqualTo(3);

        LearnerProgress simclr = train(config(broker, topics, "simclr", dir.resolve("simclr-again"), 12));

        assertThat(simclr.step())
                .as("resumed at simclr's step 8, not from random weights")
                .isEqualTo(12);
        CheckpointManifest resumed = CheckpointDirectory.read(dir.resolve("simclr-again"))
                .orElseThrow()
                .manifest();
        assertThat(resumed.method()).isEqualTo("simclr");
        assertThat(resumed.parentVersion()).isEqualTo(2);
        assertThat(resumed.version()).isEqualTo(3);
    }

    @Test
    void shouldSkipACheckpointThatDoesNotMatchItsHashAndResumeFromThePreviousOne(@TempDir Path dir) throws Exception {
        Topics topics = topics();
        produceExamples(topics, "simclr", 16 * BATCH, Map.of());
        train(config(broker, topics, "simclr", dir, 8));
        CheckpointManifest v2 = CheckpointDirectory.read(dir).orElseThrow().manifest();
        injectCorruptVersion(topics, v2);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Learner learner = new Learner(new LearnerConfig(config(broker, topics, "simclr", dir, 12)), registry);
        CompletableFuture.runAsync(learner::run).get(180, TimeUnit.SECONDS);

        assertThat(learner.progress().step()).as("resumed from v2 at step 8").isEqualTo(12);
        assertThat(registry.get(CheckpointFollower.SKIPPED)
                        .tag("reason", "corrupt")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(KafkaRecords.readAll(broker, topics.deadLetter(), 1))
                .extracting(r -> header(r, HeaderNames.DLQ_REASON))
                .contains(DeadLetterPublisher.BAD_CHECKPOINT);
        List<ConsumerRecord<String, byte[]>> index = KafkaRecords.readAll(broker, topics.checkpointIndex(), 3);
        CheckpointIndex last =
                CheckpointIndex.fromBytes(index.get(index.size() - 1).value());
        assertThat(last.retained())
                .as("two versions retained")
                .extracting(CheckpointLocation::version)
                .containsExactly(3L, 2L);
        assertThat(Files.exists(dir.resolve(CheckpointCodec.versionName(1)).resolve("payload.bin")))
                .isFalse();
        assertThat(dir.resolve(CheckpointCodec.versionName(1)).resolve("manifest.json"))
                .exists();
    }

    /** A v3 whose chunk does not match its manifest's SHA-256, listed first in the index. */
    private static void injectCorruptVersion(Topics topics, CheckpointManifest v2) throws Exception {
        CheckpointManifest v3 = new CheckpointManifest(
                3,
                2,
                v2.method(),
                v2.modality(),
                v2.architecture(),
                12,
                0,
                v2.offsets(),
                v2.metrics(),
                v2.sections(),
                v2.payloadBytes(),
                1,
                v2.sha256(),
                0);
        byte[] garbage = new byte[(int) v2.payloadBytes()];
        new Random(3).nextBytes(garbage);
        List<RecordMetadata> sent = produce(
                topics.checkpoints(),
                List.of(
                        CheckpointCodec.chunkKey("simclr", 3, 0).getBytes(StandardCharsets.UTF_8),
                        CheckpointCodec.manifestKey("simclr", 3).getBytes(StandardCharsets.UTF_8)),
                List.of(garbage, CheckpointCodec.writeManifest(v3)));
        List<ConsumerRecord<String, byte[]>> index = KafkaRecords.readAll(broker, topics.checkpointIndex(), 2);
        CheckpointIndex current =
                CheckpointIndex.fromBytes(index.get(index.size() - 1).value());
        CheckpointIndex bad = current.plus(
                new CheckpointLocation(3, sent.get(0).offset(), sent.get(1).offset(), 1), 3);
        produce(topics.checkpointIndex(), List.of("simclr".getBytes(StandardCharsets.UTF_8)), List.of(bad.toBytes()));
    }

    @Test
    void shouldKeepABoundedProbeSetAndDeadLetterUnusableProbeRecords() throws Exception {
        Topics topics = topics();
        Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers());
        Random r = new Random(2);
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 40; i++) {
                RecordHeaders headers = new RecordHeaders();
                HeaderNames.put(headers, HeaderNames.LABEL, i % 2 == 0 ? "cat" : "dog");
                producer.send(new ProducerRecord<>(
                        topics.probe(Modality.IMAGE), 0, ("p-" + i).getBytes(StandardCharsets.UTF_8), png(r), headers));
            }
            RecordHeaders labeled = new RecordHeaders();
            HeaderNames.put(labeled, HeaderNames.LABEL, "cat");
            producer.send(new ProducerRecord<>(
                    topics.probe(Modality.IMAGE),
                    0,
                    "bad".getBytes(StandardCharsets.UTF_8),
                    "garbage".getBytes(StandardCharsets.UTF_8),
                    labeled));
            producer.send(new ProducerRecord<>(
                    topics.probe(Modality.IMAGE), 0, "nolabel".getBytes(StandardCharsets.UTF_8), png(r)));
        }
        List<String> reasons = new ArrayList<>();
        try (ProbeSet probe = new ProbeSet(
                props,
                topics.probe(Modality.IMAGE),
                new ImageKit(),
                ConvEncoderSpec.of(SIZE, new int[] {8}, 0),
                12,
                (rec, source, reason, e) -> reasons.add(reason))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            ProbeSet.Split split = null;
            while (System.nanoTime() < deadline && reasons.size() < 2) {
                split = probe.refresh(Duration.ofSeconds(5)).orElse(split);
            }
            assertThat(split).isNotNull();
            assertThat(split.bankInputs().size() + split.queryInputs().size()).isEqualTo(12);
        }
        assertThat(reasons).containsExactlyInAnyOrder(DeadLetterPublisher.CORRUPT, DeadLetterPublisher.UNUSABLE);
    }

    @Test
    void shouldDeadLetterAGarbageCleanRecordAndKeepTheHealthSample() throws Exception {
        Topics topics = topics();
        Random r = new Random(6);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] px = new byte[SIZE * SIZE * 3];
            r.nextBytes(px);
            values.add(TestExamples.clean(new CleanImage(SIZE, SIZE, px)));
        }
        values.add(1, "garbage".getBytes(StandardCharsets.UTF_8));
        List<byte[]> keys = List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}, new byte[] {4});
        produce(topics.clean(Modality.IMAGE), keys, values);
        List<String> reasons = new ArrayList<>();
        List<Tensor> sample = List.of();
        try (var health = new dev.autodidact.learner.health.RecentCleanSample(
                Map.of("bootstrap.servers", broker.bootstrapServers()),
                topics.clean(Modality.IMAGE),
                ConvEncoderSpec.of(SIZE, new int[] {8}, 0),
                10,
                (rec, source, reason, e) -> reasons.add(source + "/" + reason))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && sample.size() < 3) {
                sample = health.refresh(Duration.ofSeconds(2));
            }
        }
        assertThat(sample).hasSize(3);
        assertThat(reasons).containsExactly("clean/" + DeadLetterPublisher.CORRUPT);
    }

    private static byte[] png(Random r) throws IOException {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
