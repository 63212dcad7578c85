package dev.autodidact.learner.method;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.TestBatches;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Seconds per step of the dense methods with their default settings at batch 256 of 32x32 (one view each), inpainting
 * and the denoising autoencoder with each bottleneck, next to SimCLR's two views for scale. On request only:
 * {@code -Dautodidact.benchmark=true}.
 */
class DenseMethodStepBenchmark {
    private static final int BATCH = 256;
    private static final int SIZE = 32;

    /** A method and the bottleneck its decoder reads, if it has the choice. */
    private record Case(String method, Bottleneck bottleneck) {
        String label() {
            return bottleneck == null ? method : method + " (" + bottleneck.id() + ")";
        }

        Map<String, Object> settings() {
            Map<String, Object> m = new HashMap<>();
            m.put(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
            m.put(LearnerConfig.METHOD_CONFIG, method);
            if (bottleneck != null) {
                m.put(method + ".bottleneck", bottleneck.id());
            }
            return m;
        }
    }

    @Test
    void secondsPerStepByDenseMethod() {
        Assumptions.assumeTrue(Boolean.getBoolean("autodidact.benchmark"));
        List<Case> cases = List.of(
                new Case(SimClrMethod.NAME, null),
                new Case(InpaintingMethod.NAME, Bottleneck.POOLED),
                new Case(InpaintingMethod.NAME, Bottleneck.MAP),
                new Case(ColorizationMethod.NAME, null),
                new Case(DenoisingAeMethod.NAME, Bottleneck.POOLED),
                new Case(DenoisingAeMethod.NAME, Bottleneck.MAP));
        for (Case c : cases) {
            String name = c.method();
            ExampleBatch batch = name.equals(SimClrMethod.NAME)
                    ? TestBatches.pairs(BATCH, SIZE, 1)
                    : DenseFixtures.batch(name, BATCH, 1, SIZE);
            LearnerConfig config = new LearnerConfig(c.settings());
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
                float loss = 0;
                for (int i = 2; i < 2 + n; i++) {
                    loss = step.run(i, batch).loss();
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s: %.3f s/step (loss %.4f)%n",
                        c.label(),
                        (System.nanoTime() - start) / 1e9 / n,
                        loss);
            }
        }
    }
}
