package dev.autodidact.learner.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.learner.KafkaRecords;
import dev.autodidact.learner.Learner;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.TestExamples;
import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.TopicAdmin;
import dev.autodidact.schema.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedder against a real broker and real checkpoints: garbage on the clean topic is dead-lettered and the rest
 * embedded; a version published while the embedder was down is re-embedded at its next start; no key's embedding
 * ever goes back to an older version.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EmbedderIT {
    private static final int SIZE = 16;
    private static EmbeddedKafkaBroker broker;

    private Map<String, Object> client() {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    private void train(Topics topics, Path dir, long steps) throws Exception {
        train(topics, "simclr", dir, steps);
    }

    private void train(Topics topics, String method, Path dir, long steps) throws Exception {
        Map<String, Object> props = new HashMap<>(client());
        props.put(LearnerConfig.METHOD_CONFIG, method);
        props.put(LearnerConfig.TOPIC_PREFIX_CONFIG, topics.prefix());
        props.put(LearnerConfig.BATCH_SIZE_CONFIG, 16);
        props.put(ImageKit.IMAGE_SIZE_CONFIG, SIZE);
        props.put(ImageKit.ENCODER_WIDTHS_CONFIG, "8,16");
        props.put(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG, 4L);
        props.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, dir.toString());
        props.put(LearnerConfig.MAX_STEPS_CONFIG, steps);
        Learner learner = new Learner(new LearnerConfig(props), new SimpleMeterRegistry());
        CompletableFuture.runAsync(learner::run).get(180, TimeUnit.SECONDS);
    }

    private void produce(String topic, Map<String, byte[]> records) throws Exception {
        KafkaRecords.produce(
                broker,
                topic,
                records.keySet().stream()
                        .map(k -> k.getBytes(StandardCharsets.UTF_8))
                        .toList(),
                List.copyOf(records.values()));
    }

    private static byte[] image(Random r) {
        byte[] px = new byte[SIZE * SIZE * 3];
        r.nextBytes(px);
        return TestExamples.clean(new CleanImage(SIZE, SIZE, px));
    }

    private Embedder start(Topics topics, List<Embedder> running) {
        return start(topics, "simclr", running);
    }

    private Embedder start(Topics topics, String method, List<Embedder> running) {
        Map<String, Object> props = new HashMap<>(client());
        props.put(EmbedderConfig.METHOD_CONFIG, method);
        props.put(EmbedderConfig.TOPIC_PREFIX_CONFIG, topics.prefix());
        props.put(EmbedderConfig.GROUP_ID_CONFIG, "embedder-" + topics.prefix());
        Embedder embedder = new Embedder(new EmbedderConfig(props), new SimpleMeterRegistry());
        Thread t = new Thread(embedder::run, "embedder-it");
        t.setDaemon(true);
        t.start();
        running.add(embedder);
        return embedder;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        return KafkaRecords.readAll(broker, topic, atLeast);
    }

    private Topics topicsWithExamples(String... methods) throws Exception {
        Topics topics = new Topics("it-" + UUID.randomUUID() + ".");
        Random r = new Random(4);
        for (String method : methods) {
            try (Admin admin = Admin.create(client())) {
                TopicAdmin.ensure(admin, topics.pipeline(Modality.IMAGE, method));
            }
            Map<String, byte[]> examples = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 8 * 16; i++) {
                byte[] a = new byte[SIZE * SIZE * 3];
                r.nextBytes(a);
                examples.put(
                        "e-" + i, TestExamples.views(new CleanImage(SIZE, SIZE, a), new CleanImage(SIZE, SIZE, a)));
            }
            produce(topics.examples(Modality.IMAGE, method), examples);
        }
        return topics;
    }

    @Test
    void shouldFollowItsOwnMethodWhenAnotherMethodHasHigherVersions(@TempDir Path dir) throws Exception {
        Topics topics = topicsWithExamples("simclr", "byol");
        train(topics, "byol", dir.resolve("byol"), 4);
        train(topics, "simclr", dir.resolve("simclr"), 8);
        Random r = new Random(5);
        produce(topics.clean(Modality.IMAGE), Map.of("a", image(r), "b", image(r), "c", image(r)));

        List<Embedder> running = new ArrayList<>();
        try {
            Embedder byol = start(topics, "byol", running);
            await().atMost(Duration.ofSeconds(60)).until(() -> byol.published() >= 3);
            assertThat(byol.modelVersion())
                    .as("byol's v1, though simclr published v2 after it")
                    .isEqualTo(1);
        } finally {
            running.forEach(Embedder::stop);
        }
        assertThat(readAll(topics.embeddings(Modality.IMAGE), 3))
                .allSatisfy(e -> assertThat(HeaderNames.get(e.headers(), HeaderNames.METHOD))
                        .contains("byol"));
    }

    @Test
    void shouldDeadLetterGarbageAndReEmbedAVersionPublishedWhileItWasDown(@TempDir Path dir) throws Exception {
        Topics topics = topicsWithExamples("simclr");
        Random r = new Random(4);
        train(topics, dir, 4);
        Map<String, byte[]> clean = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            clean.put("c-" + i, image(r));
        }
        clean.put("garbage", "not an image".getBytes(StandardCharsets.UTF_8));
        for (int i = 20; i < 25; i++) {
            clean.put("c-" + i, image(r));
        }
        produce(topics.clean(Modality.IMAGE), clean);

        List<Embedder> running = new ArrayList<>();
        try {
            Embedder first = start(topics, running);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.published() >= 25);
            assertThat(first.modelVersion()).isEqualTo(1);
            first.stop();
            List<ConsumerRecord<String, byte[]>> dead = readAll(topics.deadLetter(), 1);
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.key()).isEqualTo("garbage");
                assertThat(HeaderNames.get(d.headers(), HeaderNames.DLQ_REASON)).contains(DeadLetterPublisher.CORRUPT);
                assertThat(HeaderNames.get(d.headers(), HeaderNames.DLQ_CONSUMER))
                        .contains("embedder");
            });

            train(topics, dir, 8);
            Embedder second = start(topics, running);
            await().atMost(Duration.ofSeconds(60)).until(() -> second.reembeddedVersion() == 2);
        } finally {
            running.forEach(Embedder::stop);
        }

        List<ConsumerRecord<String, byte[]>> embeddings = readAll(topics.embeddings(Modality.IMAGE), 50);
        Map<String, Long> newest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> e : embeddings) {
            long version =
                    HeaderNames.getLong(e.headers(), HeaderNames.MODEL_VERSION).orElseThrow();
            assertThat(version)
                    .as("no embedding of " + e.key() + " goes back to an older version")
                    .isGreaterThanOrEqualTo(newest.getOrDefault(e.key(), 0L));
            newest.put(e.key(), version);
        }
        assertThat(newest)
                .hasSize(25)
                .allSatisfy((key, version) -> assertThat(version).isEqualTo(2L));
    }
}
