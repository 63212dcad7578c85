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
 * The two alternate step by step, so that both see the same machine load. On request only:
 * {@code -Dautodidact.benchmark=true}.
 */
class MaeStepBenchmark {
    private static final int BATCH = 256;
    private static final int SIZE = 32;
    private static final int STEPS = 6;

    @Test
    void secondsPerStepMaskedAgainstAllPatches() {
        Assumptions.assumeTrue(Boolean.getBoolean("autodidact.benchmark"));
        LearnerConfig config = new LearnerConfig(
                Map.of(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", LearnerConfig.METHOD_CONFIG, "mae"));
        PatchEncoder encoder = (PatchEncoder) config.encoder();
        int patches = encoder.patchCount();
        int patch = SIZE / (int) Math.round(Math.sqrt(patches));
        ExampleBatch masked = MaskedPatchExamples.batch(BATCH, SIZE, patch, patches / 4, 1);
        ExampleBatch all = MaskedPatchExamples.batch(BATCH, SIZE, patch, patches, 1);
        try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
                AdamW maskedAdam = new AdamW(root, (float) config.weightDecay());
                AdamW allAdam = new AdamW(root, (float) config.weightDecay())) {
            TrainStep maskedStep = step(config, encoder, root, maskedAdam);
            TrainStep allStep = step(config, encoder, root, allAdam);
            for (int i = 0; i < 2; i++) {
                maskedStep.run(i, masked);
                allStep.run(i, all);
            }
            // Interleaved, so that both paths see the same machine load.
            long maskedNanos = 0;
            long allNanos = 0;
            for (int i = 2; i < 2 + STEPS; i++) {
                maskedNanos += maskedStep.run(i, masked).computeNanos();
                allNanos += allStep.run(i, all).computeNanos();
            }
            double maskedSeconds = maskedNanos / 1e9 / STEPS;
            double allSeconds = allNanos / 1e9 / STEPS;
            System.out.printf(
                    Locale.ROOT,
                    "mae %s: 75%% masked (%d of %d tokens encoded) %.3f s/step, all %d patches %.3f s/step, "
                            + "ratio all/masked %.2f (batch %d, %d cores)%n",
                    encoder.toMap(),
                    patches / 4,
                    patches,
                    maskedSeconds,
                    patches,
                    allSeconds,
                    allSeconds / maskedSeconds,
                    BATCH,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static TrainStep step(LearnerConfig config, EncoderArchitecture encoder, NDManager root, AdamW adam) {
        SslMethod method = config.methodSpec().create(config.methodContext(root));
        return new TrainStep(
                root, method, adam, LearningRateSchedule.constantAfterWarmup(1e-3f, 0), new Collator(encoder));
    }
}
