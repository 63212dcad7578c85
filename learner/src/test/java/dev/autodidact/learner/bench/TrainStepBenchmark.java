package dev.autodidact.learner.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.TestBatches;
import dev.autodidact.learner.method.SimClrMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Seconds per SimCLR step at batch 256 x 2 views of 32x32 for a few encoder shapes, side by side in one run. Runs only
 * with {@code -Dautodidact.benchmark=true}: it measures, it does not assert.
 */
class TrainStepBenchmark {
    @Test
    void secondsPerStep() {
        Assumptions.assumeTrue(Boolean.getBoolean("autodidact.benchmark"));
        ExampleBatch batch = TestBatches.pairs(256, 32, 1);
        for (int residual : new int[] {0, 1}) {
            ConvEncoderSpec spec = ConvEncoderSpec.of(32, new int[] {32, 64, 128}, residual);
            try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice())) {
                SimClrMethod method = new SimClrMethod(root, spec, 128, 64, 0.2f);
                TrainStep step = new TrainStep(
                        root,
                        method,
                        new AdamW(root, 1e-4f),
                        LearningRateSchedule.constantAfterWarmup(1e-3f, 0),
                        new Collator(spec));
                for (int i = 0; i < 3; i++) {
                    step.run(i, batch);
                }
                int n = 10;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    step.run(i, batch);
                }
                double s = (System.nanoTime() - start) / 1e9 / n;
                System.out.printf(Locale.ROOT, "residual=%d: %.3f s/step, %.0f samples/s%n", residual, s, 256 / s);
            }
        }
    }
}
