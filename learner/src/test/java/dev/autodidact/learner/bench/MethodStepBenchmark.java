package dev.autodidact.learner.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.TestBatches;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Seconds per step of every two-view method at batch 256 x 2 views of 32x32, side by side in one run. On request
 * only: {@code -Dautodidact.benchmark=true}.
 */
class MethodStepBenchmark {
    @Test
    void secondsPerStepByMethod() {
        Assumptions.assumeTrue(Boolean.getBoolean("autodidact.benchmark"));
        ExampleBatch batch = TestBatches.pairs(256, 32, 1);
        for (String name : new String[] {"simclr", "moco", "byol", "simsiam", "barlow_twins", "vicreg"}) {
            LearnerConfig config = new LearnerConfig(
                    Map.of(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", LearnerConfig.METHOD_CONFIG, name));
            try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
                    AdamW adam = new AdamW(root, 1e-4f)) {
                SslMethod method = config.methodSpec().create(config.methodContext(root));
                TrainStep step = new TrainStep(
                        root,
                        method,
                        adam,
                        LearningRateSchedule.constantAfterWarmup(1e-3f, 0),
                        new Collator(config.encoder()));
                for (int i = 0; i < 2; i++) {
                    step.run(i, batch);
                }
                int n = 5;
                long start = System.nanoTime();
                for (int i = 2; i < 2 + n; i++) {
                    step.run(i, batch);
                }
                System.out.printf(Locale.ROOT, "%s: %.3f s/step%n", name, (System.nanoTime() - start) / 1e9 / n);
            }
        }
    }
}
