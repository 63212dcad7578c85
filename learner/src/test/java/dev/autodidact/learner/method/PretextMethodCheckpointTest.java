package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RotNet and jigsaw interrupted after step k and restored from {@code saveState()} and the optimizer's state into
 * fresh objects continue exactly as the uninterrupted run (same losses, batch-norm running statistics included); a
 * checkpoint without the classification head is refused; the published {@code encoder} section is the encoder alone,
 * loadable into the network the manifest's architecture describes.
 */
class PretextMethodCheckpointTest {
    private static final int BATCH = 16;
    private static final int PERMUTATIONS = 24;
    private static final LearningRateSchedule LR = LearningRateSchedule.constantAfterWarmup(3e-3f, 4);

    private static PretextClassifierMethod create(String name, NDManager manager) {
        return switch (name) {
            case RotNetMethod.NAME -> PretextFixtures.rotNet(manager);
            case JigsawMethod.NAME -> PretextFixtures.jigsaw(manager, PERMUTATIONS);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static ExampleBatch batch(String name, long seed) {
        return name.equals(RotNetMethod.NAME)
                ? PretextFixtures.rotationBatch(BATCH, seed)
                : PretextFixtures.jigsawBatch(BATCH, PERMUTATIONS, seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {RotNetMethod.NAME, JigsawMethod.NAME})
    void shouldContinueFromARestoredCheckpointExactlyAsTheUninterruptedRun(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            SslMethod original = create(name, root);
            AdamW adam = new AdamW(root, 1e-4f);
            TrainStep run = new TrainStep(root, original, adam, LR, new Collator(SPEC));
            for (int s = 0; s < 3; s++) {
                run.run(s, batch(name, s));
            }
            Map<String, byte[]> sections = new HashMap<>(original.saveState());
            byte[] optimizer = adam.save();
            float[] uninterrupted = new float[3];
            for (int s = 3; s < 6; s++) {
                uninterrupted[s - 3] = run.run(s, batch(name, s)).loss();
            }

            Engine.getInstance().setRandomSeed(12);
            float unrestored = new TrainStep(root, create(name, root), new AdamW(root, 1e-4f), LR, new Collator(SPEC))
                    .run(3, batch(name, 3))
                    .loss();

            SslMethod restored = create(name, root);
            AdamW restoredAdam = new AdamW(root, 1e-4f);
            restored.loadState(sections);
            restoredAdam.load(optimizer);
            TrainStep resumed = new TrainStep(root, restored, restoredAdam, LR, new Collator(SPEC));
            for (int s = 3; s < 6; s++) {
                assertThat(resumed.run(s, batch(name, s)).loss())
                        .as("%s step %d", name, s)
                        .isCloseTo(uninterrupted[s - 3], within(1e-5f * Math.max(1f, uninterrupted[s - 3])));
            }
            assertThat(Math.abs(unrestored - uninterrupted[0]))
                    .as("a fresh network differs")
                    .isGreaterThan(1e-4f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {RotNetMethod.NAME, JigsawMethod.NAME})
    void shouldRefuseACheckpointWithoutTheClassificationHead(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Map<String, byte[]> sections = new HashMap<>(create(name, root).saveState());
            assertThat(sections)
                    .containsOnlyKeys(
                            SslMethod.ENCODER_SECTION,
                            PretextClassifierMethod.HEAD,
                            PretextClassifierMethod.CLASSIFIER);
            sections.remove(PretextClassifierMethod.CLASSIFIER);
            assertThatThrownBy(() -> create(name, root).loadState(sections))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(PretextClassifierMethod.CLASSIFIER);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {RotNetMethod.NAME, JigsawMethod.NAME})
    void shouldPublishTheEncoderAloneUnderTheEncoderSection(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod method = create(name, root);
            new TrainStep(root, method, new AdamW(root, 1e-4f), LR, new Collator(SPEC)).run(0, batch(name, 0));
            Block encoder = EncoderArchitectures.fromMap(method.architecture()).build(root);
            BlockState.load(encoder, root, method.saveState().get(SslMethod.ENCODER_SECTION));
            assertThat(Arrays.equals(BlockState.save(encoder), BlockState.save(method.encoder())))
                    .isTrue();
            assertThat(method.architecture()).containsKey(name + ".head.hidden");
        }
    }
}
