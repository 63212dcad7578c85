package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.DenseFixtures.SPEC;
import static dev.autodidact.learner.method.DenseFixtures.batch;
import static dev.autodidact.learner.method.DenseFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.autodidact.learner.internal.ModelState;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.Lineage;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dense methods, with each bottleneck, checkpoint their encoder and decoder as separate sections: a run restored
 * from {@code saveState()} and the optimizer's state continues exactly as the uninterrupted run (the pattern of
 * {@link MethodCheckpointTest}), the published {@code encoder} section is the encoder alone (the embedder's plain
 * encoder loads it), and a checkpoint without the decoder is refused. The architecture records the bottleneck, and a
 * checkpoint of the other bottleneck is refused with a message naming the setting.
 */
class DenseMethodCheckpointTest {
    private static final int BATCH = 8;
    private static final LearningRateSchedule LR = LearningRateSchedule.constantAfterWarmup(3e-3f, 4);

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("dev.autodidact.learner.method.DenseFixtures#variants")
    void shouldContinueFromARestoredCheckpointExactlyAsTheUninterruptedRun(String name, Bottleneck bottleneck) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            SslMethod original = create(name, bottleneck, root);
            AdamW adam = new AdamW(root, 1e-4f);
            TrainStep run = new TrainStep(root, original, adam, LR, new Collator(SPEC));
            for (int s = 0; s < 3; s++) {
                run.run(s, batch(name, BATCH, s));
            }
            Map<String, byte[]> sections = new HashMap<>(original.saveState());
            byte[] optimizer = adam.save();
            float[] uninterrupted = new float[3];
            for (int s = 3; s < 6; s++) {
                uninterrupted[s - 3] = run.run(s, batch(name, BATCH, s)).loss();
            }

            Engine.getInstance().setRandomSeed(12);
            float unrestored = new TrainStep(
                            root, create(name, bottleneck, root), new AdamW(root, 1e-4f), LR, new Collator(SPEC))
                    .run(3, batch(name, BATCH, 3))
                    .loss();

            SslMethod restored = create(name, bottleneck, root);
            restored.checkCheckpoint(original.architecture());
            AdamW restoredAdam = new AdamW(root, 1e-4f);
            restored.loadState(sections);
            restoredAdam.load(optimizer);
            TrainStep resumed = new TrainStep(root, restored, restoredAdam, LR, new Collator(SPEC));
            for (int s = 3; s < 6; s++) {
                assertThat(resumed.run(s, batch(name, BATCH, s)).loss())
                        .as("%s from %s step %d", name, bottleneck, s)
                        .isCloseTo(uninterrupted[s - 3], within(1e-5f * Math.max(1f, uninterrupted[s - 3])));
            }
            assertThat(Math.abs(unrestored - uninterrupted[0]))
                    .as("a fresh network differs")
                    .isGreaterThan(1e-4f);
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("dev.autodidact.learner.method.DenseFixtures#variants")
    void shouldPublishTheEncoderAloneAndKeepTheDecoderInItsOwnSection(String name, Bottleneck bottleneck) {
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod method = create(name, bottleneck, root);
            Map<String, byte[]> sections = method.saveState();
            assertThat(sections).containsOnlyKeys(SslMethod.ENCODER_SECTION, DenseMethod.DECODER);

            Block plain = EncoderArchitectures.fromMap(method.architecture()).build(root);
            BlockState.load(plain, root, sections.get(SslMethod.ENCODER_SECTION));
            assertThat(Arrays.equals(BlockState.save(plain), BlockState.save(method.encoder())))
                    .isTrue();

            Map<String, byte[]> withoutDecoder = new HashMap<>(sections);
            withoutDecoder.remove(DenseMethod.DECODER);
            assertThatThrownBy(() -> create(name, bottleneck, root).loadState(withoutDecoder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(DenseMethod.DECODER);
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("dev.autodidact.learner.method.DenseFixtures#pixelVariants")
    void shouldRecordTheBottleneckInTheArchitecture(String name, Bottleneck bottleneck) {
        try (NDManager root = NDManager.newBaseManager()) {
            assertThat(create(name, bottleneck, root).architecture())
                    .containsEntry(name + ".bottleneck", bottleneck.id())
                    .containsEntry(name + ".decoder.width", "16");
        }
    }

    /**
     * A learner configured with one bottleneck refuses, before loading any section, a checkpoint whose decoder read the
     * other one, naming the setting and the value that would resume it; a checkpoint written before the setting
     * existed decoded from the map.
     */
    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("dev.autodidact.learner.method.DenseFixtures#pixelVariants")
    void shouldRefuseACheckpointWrittenWithTheOtherBottleneck(String name, Bottleneck bottleneck) {
        Bottleneck other = bottleneck == Bottleneck.POOLED ? Bottleneck.MAP : Bottleneck.POOLED;
        String setting = name + ".bottleneck";
        try (NDManager root = NDManager.newBaseManager();
                AdamW adam = new AdamW(root, 1e-4f);
                AdamW otherAdam = new AdamW(root, 1e-4f)) {
            SslMethod written = create(name, other, root);
            Checkpoint checkpoint =
                    new ModelState(written, adam, Modality.IMAGE, 1 << 20).snapshot(new Lineage(), Map.of());
            SslMethod configured = create(name, bottleneck, root);
            byte[] before = configured.saveState().get(DenseMethod.DECODER);

            assertThatThrownBy(() -> new ModelState(configured, otherAdam, Modality.IMAGE, 1 << 20).load(checkpoint))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(setting + "=" + other.id())
                    .hasMessageContaining(setting + "=" + bottleneck.id());
            assertThat(configured.saveState().get(DenseMethod.DECODER))
                    .as("nothing loaded")
                    .isEqualTo(before);

            Map<String, String> legacy = new HashMap<>(written.architecture());
            legacy.remove(setting);
            if (bottleneck == Bottleneck.MAP) {
                configured.checkCheckpoint(legacy);
            } else {
                assertThatThrownBy(() -> configured.checkCheckpoint(legacy))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(setting + "=" + Bottleneck.MAP.id());
            }
        }
    }
}
