package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static dev.autodidact.learner.method.MethodFixtures.create;
import static dev.autodidact.learner.method.MethodFixtures.locals;
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
 * A run interrupted after step k and restored from {@code saveState()} and the optimizer's state into fresh objects
 * continues exactly as the uninterrupted run: same losses for the next steps. The schedules (momentum horizon 10,
 * teacher temperature warm-up 4, learning-rate warm-up 4) change every step, so the step must come from the loop.
 */
class MethodCheckpointTest {
    private static final int BATCH = 16;
    private static final LearningRateSchedule LR = LearningRateSchedule.constantAfterWarmup(3e-3f, 4);

    @ParameterizedTest
    @ValueSource(strings = {ByolMethod.NAME, MocoMethod.NAME, DinoMethod.NAME})
    void shouldContinueFromARestoredCheckpointExactlyAsTheUninterruptedRun(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            SslMethod original = create(name, root);
            AdamW adam = new AdamW(root, 1e-4f);
            TrainStep run = new TrainStep(root, original, adam, LR, new Collator(SPEC));
            int locals = locals(original);
            for (int s = 0; s < 3; s++) {
                run.run(s, batch(BATCH, locals, s));
            }
            Map<String, byte[]> sections = new HashMap<>(original.saveState());
            byte[] optimizer = adam.save();
            float[] uninterrupted = {
                run.run(3, batch(BATCH, locals, 3)).loss(),
                run.run(4, batch(BATCH, locals, 4)).loss(),
                run.run(5, batch(BATCH, locals, 5)).loss()
            };

            Engine.getInstance().setRandomSeed(12);
            SslMethod fresh = create(name, root);
            AdamW freshAdam = new AdamW(root, 1e-4f);
            float unrestored = new TrainStep(root, fresh, freshAdam, LR, new Collator(SPEC))
                    .run(3, batch(BATCH, locals, 3))
                    .loss();

            SslMethod restored = create(name, root);
            AdamW restoredAdam = new AdamW(root, 1e-4f);
            restored.loadState(sections);
            restoredAdam.load(optimizer);
            TrainStep resumed = new TrainStep(root, restored, restoredAdam, LR, new Collator(SPEC));
            for (int s = 3; s < 6; s++) {
                assertThat(resumed.run(s, batch(BATCH, locals, s)).loss())
                        .as("%s step %d", name, s)
                        .isCloseTo(uninterrupted[s - 3], within(1e-5f * Math.max(1f, uninterrupted[s - 3])));
            }
            assertThat(Math.abs(unrestored - uninterrupted[0]))
                    .as("a fresh network differs")
                    .isGreaterThan(1e-4f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ByolMethod.NAME, MocoMethod.NAME, DinoMethod.NAME})
    void shouldRefuseACheckpointThatLacksTheMethodState(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod method = create(name, root);
            Map<String, byte[]> sections = new HashMap<>(method.saveState());
            String stateSection = switch (name) {
                case MocoMethod.NAME -> "queue";
                case DinoMethod.NAME -> "center";
                default -> "target.encoder";
            };
            assertThat(sections).containsKey(stateSection);
            sections.remove(stateSection);
            assertThatThrownBy(() -> create(name, root).loadState(sections))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(stateSection);
        }
    }
}
