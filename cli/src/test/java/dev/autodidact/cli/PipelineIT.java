package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.learner.Learner;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.embed.Embedder;
import dev.autodidact.learner.embed.EmbedderConfig;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.streams.StreamApp;
import dev.autodidact.streams.StreamAppConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images in on raw.image, embeddings out, on a real broker with the real stream-app, learner and embedder; a corrupt
 * image goes to the dead-letter topic and the next good one still flows; a crashed learner resumes exactly.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineIT {
    private static final int BATCH = 16;
    private static EmbeddedKafkaBroker broker;

    private static Map<String, Object> common(String prefix) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("topic.prefix", prefix);
        return props;
    }

    /** Offsets at or above the watermark of {@code partition} that {@code m} already trained on. */
    private static long ahead(CheckpointManifest m, String partition) {
        return m.trainedAhead().getOrDefault(partition, java.util.List.of()).stream()
                .mapToLong(r -> r.size())
                .sum();
    }

    private static Map<String, Object> learnerProps(String prefix, Path dir, long maxSteps) {
        Map<String, Object> props = common(prefix);
        props.put(LearnerConfig.BATCH_SIZE_CONFIG, BATCH);
        props.put(ImageKit.ENCODER_WIDTHS_CONFIG, "8,16");
        props.put(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG, 2L);
        props.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, dir.toString());
        props.put(LearnerConfig.MAX_STEPS_CONFIG, maxSteps);
        return props;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast, Duration timeout) {
        return readUntil(topic, out -> out.size() >= atLeast, timeout);
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        Map<String, Object> props = new HashMap<>(common("x"));
        props.remove("topic.prefix");
        props.put("group.id", "it-reader-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(out) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** Committed data records of partition 0 below {@code offset}: offsets also count transaction markers. */
    private static long countRecordsBefore(String topic, long offset) {
        Map<String, Object> props = new HashMap<>(common("x"));
        props.remove("topic.prefix");
        props.put("isolation.level", "read_committed");
        TopicPartition tp = new TopicPartition(topic, 0);
        long count = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            while (consumer.position(tp) < offset) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < offset) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    @Test
    void shouldTurnImagesIntoEmbeddingsDeadLetterCorruptOnesAndResumeAfterACrash(@TempDir Path dir) throws Exception {
        String prefix = "e2e-" + UUID.randomUUID() + ".";
        Topics topics = new Topics(prefix);
        List<MediaFile> files = MediaFiles.list(Path.of("..", "data", "sample", "cifar10", "train"))
                .subList(0, 160);

        Map<String, Object> streamProps = common(prefix);
        streamProps.put(StreamAppConfig.APPLICATION_ID_CONFIG, "e2e-" + UUID.randomUUID());
        streamProps.put(StreamAppConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        try (StreamApp app = StreamApp.start(new StreamAppConfig(streamProps), new SimpleMeterRegistry());
                var producer = new KafkaProducer<>(common(prefix), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < files.size(); i++) {
                if (i == 100) {
                    producer.send(new ProducerRecord<>(topics.raw(Modality.IMAGE), "corrupt-1", new byte[] {
                        (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3
                    }));
                }
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(
                        topics.raw(Modality.IMAGE),
                        files.get(i).id(),
                        files.get(i).readAllBytes());
                HeaderNames.put(r.headers(), HeaderNames.EVENT_TIME, Long.toString(System.currentTimeMillis()));
                producer.send(r);
            }
            producer.flush();

            var dead = readAll(topics.deadLetter(), 1, Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            var dl = dead.get(0);
            assertThat(dl.key()).isEqualTo("corrupt-1");
            assertThat(HeaderNames.get(dl.headers(), HeaderNames.DLQ_REASON)).hasValue("corrupt");
            assertThat(HeaderNames.get(dl.headers(), HeaderNames.DLQ_TOPIC)).hasValue(topics.raw(Modality.IMAGE));
            assertThat(HeaderNames.getLong(dl.headers(), HeaderNames.DLQ_OFFSET))
                    .hasValue(100L);
            assertThat(HeaderNames.get(dl.headers(), HeaderNames.DLQ_EXCEPTION)).isPresent();

            Learner first = new Learner(
                    new LearnerConfig(learnerProps(prefix, dir.resolve("cp"), -1)), new SimpleMeterRegistry());
            first.haltAfterStep(5);
            CompletableFuture.runAsync(first::run).get(120, TimeUnit.SECONDS);
            CheckpointManifest crashed =
                    CheckpointDirectory.read(dir.resolve("cp")).orElseThrow().manifest();
            assertThat(crashed.step()).isEqualTo(4);
            assertThat(first.progress().step()).isEqualTo(5);

            Learner second = new Learner(
                    new LearnerConfig(learnerProps(prefix, dir.resolve("cp"), 9)), new SimpleMeterRegistry());
            second.run();
            CheckpointManifest resumed =
                    CheckpointDirectory.read(dir.resolve("cp")).orElseThrow().manifest();
            String examples = topics.examples(Modality.IMAGE, "simclr") + "-0";
            CheckpointManifest afterRestart = CheckpointDirectory.read(
                            dir.resolve("cp").resolve("v0000000003"))
                    .orElseThrow()
                    .manifest();
            assertThat(afterRestart.parentVersion()).isEqualTo(crashed.version());
            assertThat(afterRestart.step()).isEqualTo(crashed.step() + 2);
            assertThat(resumed.step()).isEqualTo(9);
            String examplesTopic = topics.examples(Modality.IMAGE, "simclr");
            assertThat(countRecordsBefore(examplesTopic, crashed.offsets().get(examples)) + ahead(crashed, examples))
                    .as("records before the crashed checkpoint's watermark, plus those it trained ahead = samples")
                    .isEqualTo(crashed.samplesSeen());
            assertThat(countRecordsBefore(examplesTopic, resumed.offsets().get(examples)) + ahead(resumed, examples))
                    .as("no example trained twice, none skipped across the restart")
                    .isEqualTo(resumed.samplesSeen())
                    .isEqualTo(crashed.samplesSeen() + 5 * BATCH);

            Embedder embedder = new Embedder(new EmbedderConfig(common(prefix)), new SimpleMeterRegistry());
            CompletableFuture<Void> embedding = CompletableFuture.runAsync(embedder::run);
            try {
                Predicate<ConsumerRecord<String, byte[]>> newest =
                        r -> HeaderNames.getLong(r.headers(), HeaderNames.MODEL_VERSION)
                                        .orElse(-1L)
                                == resumed.version();
                var vectors = readUntil(
                                topics.embeddings(Modality.IMAGE),
                                out -> out.stream().filter(newest).count() >= files.size(),
                                Duration.ofSeconds(90))
                        .stream()
                        .filter(newest)
                        .toList();
                assertThat(vectors)
                        .extracting(ConsumerRecord::key)
                        .contains(
                                files.get(0).id(),
                                files.get(101).id(),
                                files.get(files.size() - 1).id());
                ConsumerRecord<String, byte[]> v = vectors.get(vectors.size() - 1);
                assertThat(HeaderNames.getLong(v.headers(), HeaderNames.DIMENSION))
                        .hasValue(16L);
                assertThat(v.value()).hasSize(16 * Float.BYTES);
                float first0 = ByteBuffer.wrap(v.value())
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getFloat(0);
                assertThat(Float.isFinite(first0)).isTrue();
            } finally {
                embedder.stop();
                embedding.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
