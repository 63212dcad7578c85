package dev.autodidact.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.checkpoint.CheckpointFollower;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.TopicAdmin;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The learner against a real broker: checkpoints commit offsets atomically, and a crashed learner resumes exactly. */
@ExtendWith(KafkaBrokerExtension.class)
class LearnerIT {
    private static final int BATCH = 16;
    private static EmbeddedKafkaBroker broker;

    /** The simclr pipeline's topics under a prefix of their own, created on the broker. */
    private static Topics freshTopics(String prefix) throws Exception {
        Topics topics = new Topics(prefix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicAdmin.ensure(admin, topics.pipeline(Modality.IMAGE, "simclr"));
        }
        return topics;
    }

    private static Map<String, Object> config(String prefix, Path dir, long maxSteps) {
        Map<String, Object> props = new HashMap<>();
        props.put(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(LearnerConfig.TOPIC_PREFIX_CONFIG, prefix);
        props.put(LearnerConfig.BATCH_SIZE_CONFIG, BATCH);
        props.put(ImageKit.IMAGE_SIZE_CONFIG, 16);
        props.put(ImageKit.ENCODER_WIDTHS_CONFIG, "8,16");
        props.put(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG, 4L);
        props.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, dir.toString());
        props.put(LearnerConfig.MAX_STEPS_CONFIG, maxSteps);
        return props;
    }

    private static void produceExamples(Topics topics, int n) {
        Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers());
        Random r = new Random(5);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                byte[] a = new byte[16 * 16 * 3];
                byte[] b = new byte[16 * 16 * 3];
                r.nextBytes(a);
                r.nextBytes(b);
                producer.send(new ProducerRecord<>(
                        topics.examples(Modality.IMAGE, "simclr"),
                        "id-" + i,
                        TestExamples.views(new CleanImage(16, 16, a), new CleanImage(16, 16, b))));
            }
        }
    }

    private static void produceClean(Topics topics, int n, boolean constant, long seed) {
        Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers());
        Random r = new Random(seed);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                byte[] px = new byte[16 * 16 * 3];
                if (constant) {
                    java.util.Arrays.fill(px, (byte) 90);
                } else {
                    r.nextBytes(px);
                }
                producer.send(new ProducerRecord<>(
                        topics.clean(Modality.IMAGE),
                        "clean-" + seed + "-" + i,
                        TestExamples.clean(new CleanImage(16, 16, px))));
            }
        }
    }

    @Test
    void shouldHoldBackCheckpointsWhileCollapsedAndPublishWhenDataRecovers(@TempDir Path dir) throws Exception {
        String prefix = "it-" + UUID.randomUUID() + ".";
        Topics topics = freshTopics(prefix);
        produceExamples(topics, 400 * BATCH);
        produceClean(topics, 16, true, 1);
        Map<String, Object> props = config(prefix, dir, -1);
        props.put(LearnerConfig.HEALTH_SAMPLE_SIZE_CONFIG, 16);
        props.put(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG, 2L);
        props.put(LearnerConfig.COLLAPSE_STD_FRACTION_CONFIG, 0.02);
        props.put(LearnerConfig.GROUP_ID_CONFIG, "collapse-" + UUID.randomUUID());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Learner learner = new Learner(new LearnerConfig(props), registry);
        CompletableFuture<Void> run = CompletableFuture.runAsync(learner::run);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            registry.find("autodidact.checkpoint.held.back").counter() != null
                                    && registry.get("autodidact.checkpoint.held.back")
                                                    .counter()
                                                    .count()
                                            >= 2);
            assertThat(registry.get("autodidact.health.collapsed").gauge().value())
                    .isEqualTo(1);
            assertThat(learner.progress().version())
                    .as("nothing published while collapsed")
                    .isZero();

            produceClean(topics, 16, false, 2);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> learner.progress().version() >= 1);
            assertThat(registry.get("autodidact.health.collapsed").gauge().value())
                    .isZero();
            CheckpointManifest published =
                    CheckpointDirectory.read(dir).orElseThrow().manifest();
            assertThat(published.metrics().get("health.std")).isGreaterThan(0.02 / Math.sqrt(16));
            assertThat(published.metrics()).containsKeys("health.rankme", "health.uniformity", "health.alignment");
        } finally {
            learner.stop();
            run.get(60, TimeUnit.SECONDS);
        }
    }

    /** PNG bytes of a 16x16 image tinted red (label 0) or blue (label 1) with noise. */
    private static byte[] tintedPng(int label, Random r) throws java.io.IOException {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int hot = 150 + r.nextInt(100);
                int cold = r.nextInt(100);
                img.setRGB(x, y, label == 0 ? (hot << 16) | cold : (cold << 16) | hot);
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void shouldMeasureOnlineProbeAccuracyFromTheProbeTopic(@TempDir Path dir) throws Exception {
        String prefix = "it-" + UUID.randomUUID() + ".";
        Topics topics = freshTopics(prefix);
        produceExamples(topics, 8 * BATCH);
        Random r = new Random(11);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < 60; i++) {
                ProducerRecord<String, byte[]> rec =
                        new ProducerRecord<>(topics.probe(Modality.IMAGE), "probe-" + i, tintedPng(i % 2, r));
                dev.autodidact.schema.HeaderNames.put(
                        rec.headers(), dev.autodidact.schema.HeaderNames.LABEL, i % 2 == 0 ? "red" : "blue");
                producer.send(rec);
            }
            producer.send(new ProducerRecord<>(topics.probe(Modality.IMAGE), "unlabeled", tintedPng(0, r)));
        }
        Map<String, Object> props = config(prefix, dir, 4);
        props.put(LearnerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new Learner(new LearnerConfig(props), registry).run();

        CheckpointManifest m = CheckpointDirectory.read(dir).orElseThrow().manifest();
        assertThat(m.metrics().get("probe.knn.top1"))
                .as("red vs blue is easy even for a young encoder")
                .isGreaterThan(0.8)
                .isLessThanOrEqualTo(1.0);
        assertThat(m.metrics().get("probe.linear.top1")).isBetween(0.0, 1.0);
        assertThat(registry.get("autodidact.probe.knn.top1").gauge().value())
                .isEqualTo(m.metrics().get("probe.knn.top1"));
    }

    /** Records a checkpoint has consumed: below its watermarks, plus those it trained ahead of them. */
    private static long consumed(CheckpointManifest m) {
        return sum(m.offsets())
                + m.trainedAhead().values().stream()
                        .flatMap(java.util.List::stream)
                        .mapToLong(r -> r.size())
                        .sum();
    }

    private static long sum(Map<String, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void shouldResumeFromTheLastCheckpointOffsetsAfterAHaltBetweenCheckpoints(@TempDir Path dir) throws Exception {
        String prefix = "it-" + UUID.randomUUID() + ".";
        Topics topics = freshTopics(prefix);
        produceExamples(topics, 40 * BATCH);

        Learner first = new Learner(new LearnerConfig(config(prefix, dir, -1)), new SimpleMeterRegistry());
        first.haltAfterStep(10);
        CompletableFuture.runAsync(first::run).get(120, TimeUnit.SECONDS);
        LearnerProgress crashed = first.progress();

        CheckpointManifest last = CheckpointDirectory.read(dir).orElseThrow().manifest();
        assertThat(last.version()).isEqualTo(crashed.version()).isEqualTo(2);
        assertThat(crashed.step()).isEqualTo(10);
        assertThat(last.step()).isEqualTo(8);
        assertThat(consumed(last))
                .as("watermark plus trained-ahead offsets cover exactly the samples trained")
                .isEqualTo(last.samplesSeen());
        assertThat(last.samplesSeen()).isEqualTo(last.step() * BATCH);
        String examplesTopic = topics.examples(Modality.IMAGE, "simclr");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets("autodidact-learner-simclr")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(examplesTopic, 0));
            assertThat(committed.offset())
                    .as("group offset committed with the checkpoint")
                    .isEqualTo(last.offsets().get(examplesTopic + "-0"));
        }

        long extra = 3;
        Learner second =
                new Learner(new LearnerConfig(config(prefix, dir, last.step() + extra)), new SimpleMeterRegistry());
        second.run();
        CheckpointManifest resumed;
        try (CheckpointFollower follower = new CheckpointFollower(
                Map.of("bootstrap.servers", broker.bootstrapServers()),
                topics,
                "simclr",
                CheckpointSeal.unkeyed(),
                new SimpleMeterRegistry(),
                (r, source, reason, e) -> {})) {
            resumed = follower.catchUp(Duration.ofSeconds(30)).orElseThrow().manifest();
        }
        assertThat(resumed.parentVersion()).isEqualTo(last.version());
        assertThat(resumed.version()).isEqualTo(last.version() + 1);
        assertThat(resumed.step()).isEqualTo(last.step() + extra);
        assertThat(resumed.samplesSeen()).isEqualTo(last.samplesSeen() + extra * BATCH);
        assertThat(consumed(resumed))
                .as("continued at the checkpoint's watermark, skipping what it trained ahead: none twice, none skipped")
                .isEqualTo(consumed(last) + extra * BATCH);
        assertThat(resumed.consumed().get(examplesTopic + "-0").stream()
                        .mapToLong(r -> r.size())
                        .sum())
                .as("the new version's consumed ranges are exactly what it trained")
                .isEqualTo(extra * BATCH);
    }

    @Test
    void shouldCarryTheReplayBufferAcrossARestartInTheCheckpoint(@TempDir Path dir) throws Exception {
        String prefix = "it-" + UUID.randomUUID() + ".";
        Topics topics = freshTopics(prefix);
        produceExamples(topics, 40 * BATCH);
        Map<String, Object> props = config(prefix, dir, 8);
        props.put(LearnerConfig.REPLAY_POLICY_CONFIG, "reservoir");
        props.put(LearnerConfig.REPLAY_RATIO_CONFIG, 0.25);
        props.put(LearnerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID());
        new Learner(new LearnerConfig(props), new SimpleMeterRegistry()).run();
        var checkpoint = CheckpointDirectory.read(dir).orElseThrow();
        assertThat(checkpoint.manifest().step()).isEqualTo(8);
        dev.autodidact.learner.replay.ReplayBuffer saved = dev.autodidact.learner.replay.ReplayBuffers.create(
                        "reservoir", 1L << 30, 1, null, null)
                .orElseThrow();
        dev.autodidact.learner.replay.ReplayState.load(
                checkpoint.section(dev.autodidact.learner.replay.ReplayState.SECTION), saved);
        assertThat(saved.size()).as("inputs offered over 8 steps").isGreaterThanOrEqualTo(8 * BATCH / 4);
        assertThat(saved.items())
                .as("the clean input and its source id, no views")
                .allSatisfy(e -> assertThat(e.arrays().keySet()).containsExactlyInAnyOrder("input", "source.id"));

        props.put(LearnerConfig.MAX_STEPS_CONFIG, 9L);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new Learner(new LearnerConfig(props), registry).run();
        double items = registry.get("autodidact.learner.replay.items").gauge().value();
        assertThat(items)
                .as("the restarted learner began with the checkpoint's buffer")
                .isGreaterThanOrEqualTo(saved.size());
        var resumed = CheckpointDirectory.read(dir).orElseThrow().manifest();
        assertThat(resumed.step()).isEqualTo(9);
        assertThat(resumed.samplesSeen() - checkpoint.manifest().samplesSeen()).isEqualTo(BATCH);
    }
}
