package dev.autodidact.learner.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.TestBatches;
import dev.autodidact.learner.method.SimClrMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
    private static final ConvEncoderSpec SPEC = ConvEncoderSpec.of(16, new int[] {8, 16}, 1);

    private static List<CleanImage> images(int n) {
        Random r = new Random(3);
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> {
                    byte[] px = new byte[16 * 16 * 3];
                    r.nextBytes(px);
                    return new CleanImage(16, 16, px);
                })
                .toList();
    }

    @Test
    void shouldEmbedWithTheCheckpointedEncoderInInferenceMode() {
        try (NDManager root = NDManager.newBaseManager()) {
            SimClrMethod method = new SimClrMethod(root, SPEC, 16, 8, 0.5f);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(1e-3f, 0),
                    new Collator(SPEC));
            for (int i = 0; i < 3; i++) {
                step.run(i, TestBatches.of(images(16), images(16)));
            }
            Map<String, byte[]> sections = new LinkedHashMap<>(method.saveState());
            CheckpointManifest draft = new CheckpointManifest(
                    1, 0, "simclr", "image", method.architecture(), 3, 48, Map.of(), Map.of(), List.of(), 0, 0, "", 0);
            Checkpoint cp = CheckpointCodec.assemble(draft, sections, 4096);

            List<Tensor> probe = images(5).stream().map(ImageArrays::of).toList();
            try (FeatureExtractor a = FeatureExtractor.fromCheckpoint(cp);
                    FeatureExtractor b = FeatureExtractor.fromCheckpoint(cp);
                    FeatureExtractor random = FeatureExtractor.randomInit(SPEC, 1)) {
                float[][] va = a.embed(probe);
                assertThat(va).hasNumberOfRows(5);
                assertThat(va[0]).hasSize(16);
                assertThat(b.embed(probe)).isDeepEqualTo(va);
                assertThat(a.embed(probe.subList(0, 1))[0])
                        .as("inference mode: no batch statistics")
                        .containsExactly(va[0], within(1e-4f));
                assertThat(random.embed(probe)[0]).isNotEqualTo(va[0]);
                assertThat(a.version()).isEqualTo(1);
                assertThat(a.method()).isEqualTo("simclr");
            }
        }
    }
}
