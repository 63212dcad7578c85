package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.PretextFixtures.accuracy;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RotNet and jigsaw learn their pretext task on a repeated batch of hand-made examples: the cross-entropy goes down
 * while the long-lived manager's array count stays flat, and the classification accuracy (inference mode, running
 * batch-norm statistics) climbs from about chance to well above it. Jigsaw runs with 24 permutations (every order of
 * 2x2 tiles), so chance is 1/24; RotNet's is 1/4.
 */
class PretextMethodTrainingTest {
    private static final int JIGSAW_PERMUTATIONS = 24;

    private record Task(PretextClassifierMethod method, ExampleBatch batch, double chance) {}

    private static Task task(String name, NDManager root) {
        return switch (name) {
            case RotNetMethod.NAME ->
                new Task(PretextFixtures.rotNet(root), PretextFixtures.rotationBatch(16, 7), 1.0 / 4);
            case JigsawMethod.NAME ->
                new Task(
                        PretextFixtures.jigsaw(root, JIGSAW_PERMUTATIONS),
                        PretextFixtures.jigsawBatch(32, JIGSAW_PERMUTATIONS, 7),
                        1.0 / JIGSAW_PERMUTATIONS);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static TrainStep trainer(NDManager root, SslMethod method) {
        return new TrainStep(
                root,
                method,
                new AdamW(root, 0f),
                LearningRateSchedule.constantAfterWarmup(3e-3f, 0),
                new Collator(SPEC));
    }

    @ParameterizedTest
    @ValueSource(strings = {RotNetMethod.NAME, JigsawMethod.NAME})
    void shouldLowerTheLossOnARepeatedBatchWithoutGrowingTheManagedArrays(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Task task = task(name, root);
            TrainStep step = trainer(root, task.method());
            float first = step.run(0, task.batch()).loss();
            step.run(1, task.batch());
            int arrays = ((BaseNDManager) root).getManagedArrays().size();
            float last = first;
            for (int s = 2; s < 15; s++) {
                StepResult r = step.run(s, task.batch());
                assertThat(r.applied()).isTrue();
                last = r.loss();
            }
            assertThat(last).as("%s loss %f -> %f", name, first, last).isLessThan(0.8f * first);
            assertThat(((BaseNDManager) root).getManagedArrays().size())
                    .as("%s arrays", name)
                    .isEqualTo(arrays);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {RotNetMethod.NAME, JigsawMethod.NAME})
    void shouldClassifyTheRepeatedBatchWellAboveChance(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Task task = task(name, root);
            TrainStep step = trainer(root, task.method());
            double before = accuracy(root, task.method(), task.batch());
            for (int s = 0; s < 30; s++) {
                step.run(s, task.batch());
            }
            double after = accuracy(root, task.method(), task.batch());
            assertThat(after)
                    .as("%s accuracy %f -> %f", name, before, after)
                    .isGreaterThan(Math.max(3 * task.chance(), before + 0.2));
        }
    }
}
