package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        for (int variant = 0; variant < 3; variant++) {
            try (NDManager root = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(3);
                SslMethod method = switch (variant) {
                    case 0 -> new MocoMethod(root, SPEC, new MocoMethod.Settings(32, 16, 16, 0.2f, MomentumSchedule.constant(0.9)));
                    case 1 -> new DinoMethod(root, SPEC, new DinoMethod.Settings(32, 16, 64, 2, 0.1f, 0.04f, 0.07f, 4, 0.9, new MomentumSchedule(0.9, 10)));
                    default -> new DinoMethod(root, SPEC, new DinoMethod.Settings(32, 16, 64, 2, 0.1f, 0.04f, 0.04f, 0, 0.9, MomentumSchedule.constant(0.9)));
                };
                TrainStep step = new TrainStep(root, method, new AdamW(root, 0f), LearningRateSchedule.constantAfterWarmup(3e-3f, 0), SPEC);
                ExampleBatch batch = batch(16, method.viewsPerExample() - 2, 7);
                StringBuilder sb = new StringBuilder(variant + ":");
                for (int s = 0; s < 30; s++) {
                    sb.append(String.format(" %.3f", step.run(s, batch).loss()));
                }
                System.out.println(sb);
            }
        }
    }
}
