package dev.autodidact.learner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.embed.FeatureExtractor;
import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.method.MaeMethod;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.TopicAdmin;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.serde.ExampleSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * MAE through the whole learner against a real broker, on masked-patches examples made by hand: the example whose
 * patch permutation does not fit the ViT goes to the dead-letter topic, training reaches its step limit, and the
 * published checkpoint (health measured through MAE's identity head) names the ViT, whose encoder section the
 * embedder's code loads and runs.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MaeLearnerIT {
    private static final int BATCH = 16;
    private static final int SIZE = 16;
    private static final int PATCH = 4;
    private static final int VISIBLE = 4;
    private static EmbeddedKafkaBroker broker;

    @Test
    void shouldTrainMaeAndPublishAViTTheEmbedderLoads(@TempDir Path dir) throws Exception {
        Topics topics = new Topics("it-" + UUID.randomUUID() + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicAdmin.ensure(admin, topics.pipeline(Modality.IMAGE, MaeMethod.NAME));
        }
        Random r = new Random(3);
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 8 * BATCH + 1; i++) {
            byte[] pixels = new byte[SIZE * SIZE * 3];
            r.nextBytes(pixels);
            Example example =
                    i == 5 ? wrongPatchCount(pixels, r) : MaskedPatchExamples.example(pixels, SIZE, PATCH, VISIBLE, r);
            keys.add(("id-" + i).getBytes(StandardCharsets.UTF_8));
            values.add(ExampleSerde.write(example));
        }
        KafkaRecords.produce(broker, topics.examples(Modality.IMAGE, MaeMethod.NAME), keys, values);
        List<byte[]> cleanKeys = new ArrayList<>();
        List<byte[]> clean = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] pixels = new byte[SIZE * SIZE * 3];
            r.nextBytes(pixels);
            cleanKeys.add(("clean-" + i).getBytes(StandardCharsets.UTF_8));
            clean.add(TestExamples.clean(new CleanImage(SIZE, SIZE, pixels)));
        }
        KafkaRecords.produce(broker, topics.clean(Modality.IMAGE), cleanKeys, clean);

        Learner learner = new Learner(new LearnerConfig(config(topics, dir)), new SimpleMeterRegistry());
        CompletableFuture.runAsync(learner::run).get(180, TimeUnit.SECONDS);

        assertThat(learner.progress().step()).isEqualTo(8);
        List<ConsumerRecord<String, byte[]>> dead = KafkaRecords.readAll(broker, topics.deadLetter(), 1);
        assertThat(dead).hasSize(1);
        assertThat(HeaderNames.get(dead.get(0).headers(), HeaderNames.DLQ_REASON))
                .contains(DeadLetterPublisher.UNUSABLE);
        assertThat(HeaderNames.get(dead.get(0).headers(), HeaderNames.DLQ_OFFSET))
                .contains("5");

        Checkpoint checkpoint = CheckpointDirectory.read(dir).orElseThrow();
        CheckpointManifest manifest = checkpoint.manifest();
        assertThat(manifest.method()).isEqualTo(MaeMethod.NAME);
        assertThat(manifest.architecture())
                .containsEntry("encoder", "vit")
                .containsEntry("encoder.dim", "32")
                .containsEntry(MaeMethod.DECODER_DIM_CONFIG, "16");
        assertThat(manifest.metrics()).containsKeys("health.std", "health.projection.std", "health.rankme");
        assertThat(manifest.metrics().get("health.projection.std"))
                .isEqualTo(manifest.metrics().get("health.std"));
        try (FeatureExtractor embedder = FeatureExtractor.fromCheckpoint(checkpoint)) {
            List<Tensor> inputs = List.of(
                    Tensor.u8(new int[] {SIZE, SIZE, 3}, new byte[SIZE * SIZE * 3]),
                    MaskedPatchExamples.example(new byte[SIZE * SIZE * 3], SIZE, PATCH, VISIBLE, r)
                            .array(ArrayNames.INPUT));
            float[][] features = embedder.embed(inputs);
            assertThat(features).hasNumberOfRows(2);
            assertThat(features[0]).hasSize(32);
        }
    }

    /** A masked-patches example cut for 8x8 patches of a 32 px image (64 patches), not the ViT's 16 of 16 px. */
    private static Example wrongPatchCount(byte[] pixels, Random r) {
        Example other = MaskedPatchExamples.example(new byte[32 * 32 * 3], 32, PATCH, 16, r);
        return MaskedPatchExamples.of(
                pixels,
                SIZE,
                other.array(ArrayNames.MASK).bytes(),
                other.array(ArrayNames.MASK_INDEX).ints());
    }

    private static Map<String, Object> config(Topics topics, Path dir) {
        Map<String, Object> props = new HashMap<>();
        props.put(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(LearnerConfig.TOPIC_PREFIX_CONFIG, topics.prefix());
        props.put(LearnerConfig.METHOD_CONFIG, MaeMethod.NAME);
        props.put(LearnerConfig.BATCH_SIZE_CONFIG, BATCH);
        props.put(ImageKit.IMAGE_SIZE_CONFIG, SIZE);
        props.put(ImageKit.VIT_DIM_CONFIG, 32);
        props.put(ImageKit.VIT_DEPTH_CONFIG, 2);
        props.put(ImageKit.VIT_HEADS_CONFIG, 2);
        props.put(MaeMethod.DECODER_DIM_CONFIG, 16);
        props.put(MaeMethod.DECODER_DEPTH_CONFIG, 1);
        props.put(LearnerConfig.HEALTH_SAMPLE_SIZE_CONFIG, 16);
        props.put(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG, 4L);
        props.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, dir.toString());
        props.put(LearnerConfig.MAX_STEPS_CONFIG, 8L);
        return props;
    }
}
