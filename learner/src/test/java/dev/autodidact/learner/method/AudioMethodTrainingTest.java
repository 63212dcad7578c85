package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.AudioMethodFixtures.batch;
import static dev.autodidact.learner.method.AudioMethodFixtures.create;
import static dev.autodidact.learner.method.AudioMethodFixtures.encoder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.audio.AudioWaveformEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPC and wav2vec 2.0 learn the synthetic tone cycles: from about the chance level of their contrastive task at
 * initialisation (log(1 + M) for CPC's M negatives, where its small initial prediction maps put it; log(1 + K) for
 * wav2vec 2.0's K distractors, which the random initial cosines put up to 30% above), the loss falls well below chance
 * within 80 steps on fresh batches (CPC in about 20; wav2vec 2.0 sits near chance for its first 30 or so), and the
 * long-lived manager holds as many arrays after the steps as before them. wav2vec 2.0 trains here without its feature
 * penalty, whose term is checked on its own.
 */
class AudioMethodTrainingTest {
    private static final int BATCH = 8;
    private static final int STEPS = 80;
    private static final int WINDOW = 10;

    @ParameterizedTest
    @ValueSource(strings = {CpcMethod.NAME, Wav2Vec2Method.NAME})
    void shouldLowerTheLossFromChanceOnALearnableSignalWithoutGrowingTheManagedArrays(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            SslMethod method = create(name, root);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(2e-3f, 0),
                    new Collator(encoder(name)));
            float first = step.run(0, batch(BATCH, 100)).loss() / chance(name, 0);
            int arrays = ((BaseNDManager) root).getManagedArrays().size();
            float late = 0;
            StringBuilder trace = new StringBuilder();
            for (int s = 1; s < STEPS; s++) {
                StepResult r = step.run(s, batch(BATCH, 100 + s));
                assertThat(r.applied()).isTrue();
                float relative = r.loss() / chance(name, s);
                trace.append(String.format(Locale.ROOT, " %.2f", relative));
                if (s >= STEPS - WINDOW) {
                    late += relative / WINDOW;
                }
            }
            assertThat(first).as("%s at init, over chance", name).isBetween(0.9f, 1.3f);
            assertThat(late).as("%s loss over chance:%s", name, trace).isLessThan(0.8f);
            assertThat(((BaseNDManager) root).getManagedArrays().size())
                    .as("%s arrays", name)
                    .isEqualTo(arrays);
        }
    }

    /**
     * The loss of guessing: log(1 + M) for CPC; log(1 + K) for wav2vec 2.0, K the masked steps of step {@code step}'s
     * clips but one.
     */
    private static float chance(String name, long step) {
        if (name.equals(CpcMethod.NAME)) {
            return (float) Math.log(1 + AudioMethodFixtures.CPC.negatives());
        }
        int frames = AudioMethodFixtures.TRANSFORMER.frames(AudioMethodFixtures.SAMPLES);
        SpanMask mask = SpanMask.draw(
                BATCH,
                frames,
                AudioMethodFixtures.WAV2VEC2.maskProbability(),
                AudioMethodFixtures.WAV2VEC2.maskSpan(),
                Wav2Vec2Method.random(step));
        return (float) Math.log(mask.count());
    }

    @Test
    void shouldAddTheWeightedFeaturePenaltyToWav2Vec2sContrastiveLoss() {
        AudioWaveformEncoderSpec spec = AudioMethodFixtures.TRANSFORMER;
        Wav2Vec2Method.Settings plain = AudioMethodFixtures.WAV2VEC2;
        Wav2Vec2Method.Settings penalised = new Wav2Vec2Method.Settings(
                plain.maskProbability(),
                plain.maskSpan(),
                plain.distractors(),
                plain.temperature(),
                10f,
                plain.dim(),
                plain.stopGradient());
        try (NDManager root = NDManager.newBaseManager();
                NDManager scope = root.newSubManager()) {
            Engine.getInstance().setRandomSeed(8);
            Wav2Vec2Method without = new Wav2Vec2Method(root, spec, plain);
            Engine.getInstance().setRandomSeed(8);
            Wav2Vec2Method with = new Wav2Vec2Method(root, spec, penalised);
            NDList batch = new Collator(spec).collate(scope, batch(BATCH, 9).examples(), with.inputs());
            ParameterStore store = new ParameterStore(scope, false);
            float contrastive = without.loss(store, batch, 5).getFloat();
            float total = with.loss(store, batch, 5).getFloat();
            float meanSquare = spec.latents(with.encoder(), store, batch.get(0), true)
                    .square()
                    .mean()
                    .getFloat();
            assertThat(meanSquare).isPositive();
            assertThat(total).isCloseTo(contrastive + 10 * meanSquare, within(1e-4f * total));
        }
    }
}
