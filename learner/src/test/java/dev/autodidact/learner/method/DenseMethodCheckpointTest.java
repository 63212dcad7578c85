package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.DenseFixtures.SPEC;
import static dev.autodidact.learner.method.DenseFixtures.batch;
import static dev.autodidact.learner.method.DenseFixtures.create;
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
import dev.autodidact.learner.train.TrainStep;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dense methods checkpoint their encoder and decoder as separate sections: a run restored from
 * {@code saveState()} and the optimizer's state continues exactly as the uninterrupted run (the pattern of
 * {@link MethodCheckpointTest}), the published {@code encoder} section is the encoder alone (the embedder's plain
 * encoder loads it), and a checkpoint without the decoder is refused.
 */
class DenseMethodCheckpointTest {
    private static final int BATCH = 8;
    private static final LearningRateSchedule LR = LearningRateSchedule.constantAfterWarmup(3e-3f, 4);

    @ParameterizedTest
    @ValueSource(strings = {InpaintingMethod.NAME, ColorizationMethod.NAME, DenoisingAeMethod.NAME})
    void shouldContinueFromARestoredCheckpointExactlyAsTheUninterruptedRun(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            SslMethod original = create(name, root);
            AdamW adam = new AdamW(root, 1e-4f);
            TrainStep run = new TrainStep(root, original, adam, LR, new Collator(SPEC));
            for (int s = 0; s < 3; s++) {
                run.run(s, batch(name, BATCH, s));
            }
            Map<String, byte[]> sections = new HashMap<>(original.saveState());
            byte[] optimizer = adam.save();
            float[] uninterrupted = new float[3];
            for (int s = 3; s < 6; s++) {
                uninterrupted[s - 3] = run.run(s, batch(name, BATCH, s)).loss();
            }

            Engine.getInstance().setRandomSeed(12);
            float unrestored = new TrainStep(root, create(name, root), new AdamW(root, 1e-4f), LR, new Collator(SPEC))
                    .run(3, batch(name, BATCH, 3))
                    .loss();

            SslMethod restored = create(name, root);
            AdamW restoredAdam = new AdamW(root, 1e-4f);
            restored.loadState(sections);
            restoredAdam.load(optimizer);
            TrainStep resumed = new TrainStep(root, restored, restoredAdam, LR, new Collator(SPEC));
            for (int s = 3; s < 6; s++) {
                assertThat(resumed.run(s, batch(name, BATCH, s)).loss())
                        .as("%s step %d", name, s)
                        .isCloseTo(uninterrupted[s - 3], within(1e-5f * Math.max(1f, uninterrupted[s - 3])));
            }
            assertThat(Math.abs(unrestored - uninterrupted[0]))
                    .as("a fresh network differs")
                    .isGreaterThan(1e-4f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {InpaintingMethod.NAME, ColorizationMethod.NAME, DenoisingAeMethod.NAME})
    void shouldPublishTheEncoderAloneAndKeepTheDecoderInItsOwnSection(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod method = create(name, root);
            Map<String, byte[]> sections = method.saveState();
            assertThat(sections).containsOnlyKeys(SslMethod.ENCODER_SECTION, DenseMethod.DECODER);

            Block plain = EncoderArchitectures.fromMap(method.architecture()).build(root);
            BlockState.load(plain, root, sections.get(SslMethod.ENCODER_SECTION));
            assertThat(Arrays.equals(BlockState.save(plain), BlockState.save(method.encoder())))
                    .isTrue();

            Map<String, byte[]> withoutDecoder = new HashMap<>(sections);
            withoutDecoder.remove(DenseMethod.DECODER);
            assertThatThrownBy(() -> create(name, root).loadState(withoutDecoder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(DenseMethod.DECODER);
        }
    }
}
