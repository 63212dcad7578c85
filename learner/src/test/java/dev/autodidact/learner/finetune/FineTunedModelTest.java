package dev.autodidact.learner.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.ZooModel;
import dev.autodidact.learner.eval.LabeledInputs;
import dev.autodidact.learner.method.SimClrMethod;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTunedModelTest {
    private static final ConvEncoderSpec SPEC = ConvEncoderSpec.of(16, new int[] {8, 16}, 0);

    /** Class 0: reddish noise, class 1: bluish noise. */
    private static LabeledInputs images(int perClass, long seed) {
        Random r = new Random(seed);
        List<Tensor> images = new ArrayList<>();
        int[] labels = new int[2 * perClass];
        for (int i = 0; i < 2 * perClass; i++) {
            labels[i] = i % 2;
            images.add(ImageArrays.of(new CleanImage(16, 16, tinted(labels[i], r))));
        }
        return new LabeledInputs(images, labels, List.of("red", "blue"));
    }

    private static byte[] tinted(int label, Random r) {
        byte[] px = new byte[16 * 16 * 3];
        for (int p = 0; p < 16 * 16; p++) {
            int hot = 150 + r.nextInt(100);
            int cold = r.nextInt(100);
            px[3 * p] = (byte) (label == 0 ? hot : cold);
            px[3 * p + 1] = (byte) r.nextInt(120);
            px[3 * p + 2] = (byte) (label == 0 ? cold : hot);
        }
        return px;
    }

    private static Checkpoint randomCheckpoint() {
        try (NDManager m = NDManager.newBaseManager()) {
            SimClrMethod method = new SimClrMethod(m, SPEC, 16, 8, 0.5f);
            CheckpointManifest draft = new CheckpointManifest(
                    3,
                    2,
                    "simclr",
                    "image",
                    method.architecture(),
                    10,
                    100,
                    Map.of(),
                    Map.of(),
                    List.of(),
                    0,
                    0,
                    "",
                    0);
            return CheckpointCodec.assemble(draft, method.saveState(), 1 << 16);
        }
    }

    @Test
    void shouldFineTuneBothWaysAndServeTheModelThroughDjlCriteria(@TempDir Path dir) throws Exception {
        FineTuneSettings settings = new FineTuneSettings(5, FineTuneMode.FULL, 40, 10, 3e-3f, 0.1f, 0f, 1);
        Map<String, Object> result =
                FewLabelEvaluation.run(randomCheckpoint(), images(20, 1), images(20, 2), settings, Optional.of(dir));

        assertThat(result)
                .containsEntry("labels_per_class", 5)
                .containsEntry("labeled_examples", 10)
                .containsEntry("mode", "full")
                .containsEntry("version", 3L)
                .containsEntry("method", "simclr");
        assertThat((double) result.get("finetune_top1")).isGreaterThan(0.9);
        assertThat((double) result.get("scratch_top1")).isBetween(0.0, 1.0);

        try (ZooModel<Tensor, Classifications> model = FineTunedModel.load(dir);
                Predictor<Tensor, Classifications> predictor = model.newPredictor()) {
            byte[] red = tinted(0, new Random(9));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new RgbImage(16, 16, red).toBufferedImage(), "png", png);
            Classifications c = predictor.predict(new ImageKit().canonical(png.toByteArray(), SPEC));
            assertThat(c.best().getClassName()).isEqualTo("red");
            assertThat(c.items()).hasSize(2);
        }
    }

    @Test
    void shouldDrawTheSameLabeledSubsetForTheSameSeed() {
        int[] labels = {0, 1, 0, 1, 0, 1, 2, 2, 2, 2};
        int[] a = FewLabelSampler.sample(labels, 3, 2, 5);
        assertThat(a).hasSize(6).isEqualTo(FewLabelSampler.sample(labels, 3, 2, 5));
        assertThat(java.util.Arrays.stream(a).map(i -> labels[i]).sorted().toArray())
                .containsExactly(0, 0, 1, 1, 2, 2);
    }
}
