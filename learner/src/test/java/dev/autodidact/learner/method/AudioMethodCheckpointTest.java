package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.AudioMethodFixtures.batch;
import static dev.autodidact.learner.method.AudioMethodFixtures.create;
import static dev.autodidact.learner.method.AudioMethodFixtures.encoder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.TrainStep;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPC and wav2vec 2.0 restored from {@code saveState()} and the optimizer's state into fresh objects continue exactly as
 * the uninterrupted run: the same next losses, negatives, masks and distractors included (they are drawn from the step
 * number), while a fresh network gives another loss.
 */
class AudioMethodCheckpointTest {
    private static final int BATCH = 6;
    private static final LearningRateSchedule LR = LearningRateSchedule.constantAfterWarmup(1e-3f, 2);

    @ParameterizedTest
    @ValueSource(strings = {CpcMethod.NAME, Wav2Vec2Method.NAME})
    void shouldContinueFromARestoredCheckpointExactlyAsTheUninterruptedRun(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            SslMethod original = create(name, root);
            AdamW adam = new AdamW(root, 1e-4f);
            Collator collator = new Collator(encoder(name));
            TrainStep run = new TrainStep(root, original, adam, LR, collator);
            for (int s = 0; s < 3; s++) {
                run.run(s, batch(BATCH, s));
            }
            Map<String, byte[]> sections = new HashMap<>(original.saveState());
            byte[] optimizer = adam.save();
            float[] uninterrupted = {
                run.run(3, batch(BATCH, 3)).loss(), run.run(4, batch(BATCH, 4)).loss()
            };

            Engine.getInstance().setRandomSeed(12);
            float unrestored = new TrainStep(root, create(name, root), new AdamW(root, 1e-4f), LR, collator)
                    .run(3, batch(BATCH, 3))
                    .loss();

            SslMethod restored = create(name, root);
            AdamW restoredAdam = new AdamW(root, 1e-4f);
            restored.checkCheckpoint(original.architecture());
            restored.loadState(sections);
            restoredAdam.load(optimizer);
            TrainStep resumed = new TrainStep(root, restored, restoredAdam, LR, collator);
            for (int s = 3; s < 5; s++) {
                assertThat(resumed.run(s, batch(BATCH, s)).loss())
                        .as("%s step %d", name, s)
                        .isCloseTo(uninterrupted[s - 3], within(1e-5f * Math.max(1f, uninterrupted[s - 3])));
            }
            assertThat(Math.abs(unrestored - uninterrupted[0]))
                    .as("a fresh network differs")
                    .isGreaterThan(1e-4f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CpcMethod.NAME, Wav2Vec2Method.NAME})
    void shouldRefuseACheckpointThatLacksItsHeadsOrWasTrainedWithOtherHeads(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod method = create(name, root);
            Map<String, byte[]> sections = new HashMap<>(method.saveState());
            String heads = name.equals(CpcMethod.NAME) ? CpcMethod.PREDICTOR : Wav2Vec2Method.HEADS;
            assertThat(sections).containsOnlyKeys(SslMethod.ENCODER_SECTION, heads);
            sections.remove(heads);
            assertThatThrownBy(() -> create(name, root).loadState(sections))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(heads);
            Map<String, String> other = new HashMap<>(method.architecture());
            String setting =
                    name.equals(CpcMethod.NAME) ? CpcMethod.PREDICTION_STEPS_CONFIG : Wav2Vec2Method.DIM_CONFIG;
            other.put(setting, "7");
            assertThatThrownBy(() -> method.checkCheckpoint(other))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(setting + "=7");
        }
    }
}
