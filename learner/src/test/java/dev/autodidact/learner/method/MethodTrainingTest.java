package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static dev.autodidact.learner.method.MethodFixtures.create;
import static dev.autodidact.learner.method.MethodFixtures.locals;
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
 * Every method learns on a repeated batch (its loss goes down), and the number of arrays on the long-lived manager
 * stays flat from step to step: EMA updates, queue pushes and centre updates happen in place. The loss is followed
 * from step 2 on, once MoCo's queue (2 batches) holds real keys instead of its random initial rows. DINO's objective
 * moves with its teacher and centre, and on 16 near-identical noise images centring drives the teacher towards the
 * uniform distribution, so its loss rises there; DINO is checked with a frozen teacher and centre (momenta 1, the same
 * update code), which makes its loss a fixed distillation target the student must approach.
 */
class MethodTrainingTest {
    private static final int STEPS = 15;

    @ParameterizedTest
    @ValueSource(
            strings = {
                SimClrMethod.NAME,
                ByolMethod.NAME,
                MocoMethod.NAME,
                DinoMethod.NAME,
                SimSiamMethod.NAME,
                BarlowTwinsMethod.NAME,
                VicRegMethod.NAME
            })
    void shouldLowerTheLossOnARepeatedBatchWithoutGrowingTheManagedArrays(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            SslMethod method = name.equals(DinoMethod.NAME) ? frozenTeacherDino(root) : create(name, root);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(3e-3f, 0),
                    new Collator(SPEC));
            ExampleBatch batch = batch(16, locals(method), 7);
            step.run(0, batch);
            step.run(1, batch);
            float first = step.run(2, batch).loss();
            int arrays = ((BaseNDManager) root).getManagedArrays().size();
            float last = first;
            for (int s = 3; s < STEPS; s++) {
                StepResult r = step.run(s, batch);
                assertThat(r.applied()).isTrue();
                last = r.loss();
            }
            assertThat(last).as("%s loss %f -> %f", name, first, last).isLessThan(first - 0.05f * Math.abs(first));
            assertThat(((BaseNDManager) root).getManagedArrays().size())
                    .as("%s arrays", name)
                    .isEqualTo(arrays);
        }
    }

    private static DinoMethod frozenTeacherDino(NDManager root) {
        return new DinoMethod(
                root,
                SPEC,
                new DinoMethod.Settings(
                        32,
                        16,
                        64,
                        MethodFixtures.LOCAL_CROPS,
                        0.1f,
                        0.04f,
                        0.04f,
                        0,
                        1.0,
                        MomentumSchedule.constant(1.0)));
    }
}
