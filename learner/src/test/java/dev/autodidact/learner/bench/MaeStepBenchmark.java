package dev.autodidact.learner.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.MaskedPatchExamples;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.PatchEncoder;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Seconds per MAE step with the defaults ({@code --method mae}: ViT and decoder) at batch 256 of 32x32, with 75% of
 * the 64 patches masked (the encoder runs on 16 tokens) against the same encoder and decoder on all 64 patches (mask
 * ratio 0: the encoder runs on every token, the loss covers every patch), side by side in one run, with their ratio.
 * On request only: {@code -Dautodidact.benchmark=true}.
 */
class MaeStepBenchmark {
    private static final int BATCH = 256;
    private static final int SIZE = 32;
    private static final int STEPS = 5;

    @Test
    void secondsPerStepMaskedAgainstAllPatches() {
        Assumptions.assumeTrue(Boolean.getBoolean("autodidact.benchmark"));
        LearnerConfig config = new LearnerConfig(
                Map.of(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", LearnerConfig.METHOD_CONFIG, "mae"));
        PatchEncoder encoder = (PatchEncoder) config.encoder();
        int patches = encoder.patchCount();
        int patch = SIZE / (int) Math.round(Math.sqrt(patches));
        double masked = seconds(config, encoder, MaskedPatchExamples.batch(BATCH, SIZE, patch, patches / 4, 1));
        double all = seconds(config, encoder, MaskedPatchExamples.batch(BATCH, SIZE, patch, patches, 1));
        System.out.printf(
                Locale.ROOT,
                "mae %s: 75%% masked (%d of %d tokens encoded) %.3f s/step, all %d patches %.3f s/step, "
                        + "ratio all/masked %.2f (batch %d, %d threads)%n",
                encoder.toMap(),
                patches / 4,
                patches,
                masked,
                patches,
                all,
                all / masked,
                BATCH,
                Runtime.getRuntime().availableProcessors());
    }

    private static double seconds(LearnerConfig config, EncoderArchitecture encoder, ExampleBatch batch) {
        try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
                AdamW adam = new AdamW(root, (float) config.weightDecay())) {
            SslMethod method = config.methodSpec().create(config.methodContext(root));
            TrainStep step = new TrainStep(
                    root, method, adam, LearningRateSchedule.constantAfterWarmup(1e-3f, 0), new Collator(encoder));
            for (int i = 0; i < 2; i++) {
                step.run(i, batch);
            }
            long start = System.nanoTime();
            for (int i = 2; i < 2 + STEPS; i++) {
                step.run(i, batch);
            }
            return (System.nanoTime() - start) / 1e9 / STEPS;
        }
    }
}
