package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.MaskedPatchExamples;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.learner.modality.image.VitEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * MAE on a tiny ViT (16x16 images, 4x4 patches: 16 patches, 4 visible): it learns, keeps its long-lived arrays flat,
 * round-trips its checkpoint sections, rejects examples whose masking does not fit, and is what {@code --method mae}
 * alone configures.
 */
class MaeMethodTest {
    private static final VitEncoderSpec VIT = VitEncoderSpec.of(16, 4, 32, 2, 2, 2);
    private static final MaeMethod.Settings SETTINGS = new MaeMethod.Settings(16, 1, 2, true);
    private static final int SIZE = 16;
    private static final int PATCH = 4;
    private static final int PATCHES = 16;
    private static final int VISIBLE = 4;

    private static ExampleBatch batch(int n, long seed) {
        return MaskedPatchExamples.batch(n, SIZE, PATCH, VISIBLE, seed);
    }

    private static Example valid(long seed) {
        return MaskedPatchExamples.example(new byte[SIZE * SIZE * 3], SIZE, PATCH, VISIBLE, new Random(seed));
    }

    @Test
    void shouldLowerTheLossOnARepeatedBatchWithoutGrowingTheManagedArrays() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            MaeMethod method = new MaeMethod(root, VIT, SETTINGS);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(3e-3f, 0),
                    new Collator(VIT));
            ExampleBatch batch = batch(16, 7);
            float first = step.run(0, batch).loss();
            step.run(1, batch);
            int arrays = ((BaseNDManager) root).getManagedArrays().size();
            float last = first;
            for (int s = 2; s < 15; s++) {
                StepResult r = step.run(s, batch);
                assertThat(r.applied()).isTrue();
                last = r.loss();
            }
            assertThat(last).as("loss %f -> %f", first, last).isLessThan(first * 0.95f);
            assertThat(((BaseNDManager) root).getManagedArrays().size()).isEqualTo(arrays);
        }
    }

    @Test
    void shouldRestoreTheEncoderSectionIntoTheArchitectureItsManifestNames() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            MaeMethod method = new MaeMethod(root, VIT, SETTINGS);
            Map<String, byte[]> sections = method.saveState();
            assertThat(sections).containsOnlyKeys(SslMethod.ENCODER_SECTION, MaeMethod.DECODER);

            Block encoder = EncoderArchitectures.fromMap(method.architecture()).build(root);
            BlockState.load(encoder, root, sections.get(SslMethod.ENCODER_SECTION));
            try (NDManager scope = root.newSubManager()) {
                NDArray images = VIT.input(scope, images(batch(4, 1)));
                ParameterStore store = new ParameterStore(scope, false);
                NDArray expected = method.encoder()
                        .forward(store, new NDList(images), false)
                        .singletonOrThrow();
                NDArray restored =
                        encoder.forward(store, new NDList(images), false).singletonOrThrow();
                assertThat(restored.getShape().getShape()).containsExactly(4, 32);
                assertThat(restored.allClose(expected, 0, 0, false)).isTrue();
            }
        }
    }

    @Test
    void shouldContinueFromRestoredSectionsWithTheSameLoss() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(6);
            MaeMethod trained = new MaeMethod(root, VIT, SETTINGS);
            TrainStep run = new TrainStep(
                    root,
                    trained,
                    new AdamW(root, 0.05f),
                    LearningRateSchedule.constantAfterWarmup(1e-3f, 0),
                    new Collator(VIT));
            run.run(0, batch(8, 1));
            Map<String, byte[]> sections = new HashMap<>(trained.saveState());
            float expected = loss(root, trained, batch(8, 2));

            Engine.getInstance().setRandomSeed(7);
            MaeMethod restored = new MaeMethod(root, VIT, SETTINGS);
            float fresh = loss(root, restored, batch(8, 2));
            restored.loadState(sections);

            assertThat(loss(root, restored, batch(8, 2))).isCloseTo(expected, within(1e-6f));
            assertThat(Math.abs(fresh - expected)).as("a fresh network differs").isGreaterThan(1e-4f);
            sections.remove(MaeMethod.DECODER);
            assertThatThrownBy(() -> restored.loadState(sections)).hasMessageContaining(MaeMethod.DECODER);
        }
    }

    private static float loss(NDManager root, MaeMethod method, ExampleBatch batch) {
        try (NDManager scope = root.newSubManager()) {
            NDList inputs = new Collator(VIT).collate(scope, batch.examples(), method.inputs());
            return method.loss(new ParameterStore(scope, false), inputs, 0).getFloat();
        }
    }

    @Test
    void shouldAcceptAMaskedPatchesExample() {
        try (NDManager root = NDManager.newBaseManager()) {
            MaeMethod method = new MaeMethod(root, VIT, SETTINGS);
            method.checkExample(valid(1));
            method.checkExample(valid(2));
        }
    }

    @Test
    void shouldRejectAPatchIndexThatIsNotAPermutationOfTheEncodersPatches() {
        try (NDManager root = NDManager.newBaseManager()) {
            MaeMethod method = new MaeMethod(root, VIT, SETTINGS);
            byte[] pixels = new byte[SIZE * SIZE * 3];
            Example ok = valid(3);
            byte[] mask = ok.array(ArrayNames.MASK).bytes();
            int[] index = ok.array(ArrayNames.MASK_INDEX).ints();

            Example wrongCount = MaskedPatchExamples.example(new byte[32 * 32 * 3], 32, PATCH, 16, new Random(1));
            Example wrongCountSameImage = MaskedPatchExamples.of(
                    pixels,
                    SIZE,
                    wrongCount.array(ArrayNames.MASK).bytes(),
                    wrongCount.array(ArrayNames.MASK_INDEX).ints());
            assertThatThrownBy(() -> method.checkExample(wrongCountSameImage))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mask.index")
                    .hasMessageContaining("[16]");

            int[] repeated = index.clone();
            repeated[PATCHES - 1] = repeated[PATCHES - 2];
            assertThatThrownBy(() -> method.checkExample(MaskedPatchExamples.of(pixels, SIZE, mask, repeated)))
                    .hasMessageContaining("not a permutation")
                    .hasMessageContaining("repeats");

            int[] outOfRange = index.clone();
            outOfRange[0] = PATCHES;
            assertThatThrownBy(() -> method.checkExample(MaskedPatchExamples.of(pixels, SIZE, mask, outOfRange)))
                    .hasMessageContaining("holds 16");

            int[] maskedFirst = index.clone();
            maskedFirst[0] = index[PATCHES - 1];
            maskedFirst[PATCHES - 1] = index[0];
            assertThatThrownBy(() -> method.checkExample(MaskedPatchExamples.of(pixels, SIZE, mask, maskedFirst)))
                    .hasMessageContaining("unmasked patches first");

            Example wideIndex = Example.builder(dev.autodidact.schema.Modality.IMAGE)
                    .put(ArrayNames.view(0), ok.array(ArrayNames.view(0)))
                    .put(ArrayNames.MASK, ok.array(ArrayNames.MASK))
                    .put(ArrayNames.MASK_INDEX, Tensor.i64(new int[] {PATCHES}, new long[PATCHES]))
                    .build();
            assertThatThrownBy(() -> method.checkExample(wideIndex)).hasMessageContaining("i32");
        }
    }

    @Test
    void shouldRejectAMaskThatIsNotZeroOrOneOrHidesEveryPatch() {
        try (NDManager root = NDManager.newBaseManager()) {
            MaeMethod method = new MaeMethod(root, VIT, SETTINGS);
            byte[] pixels = new byte[SIZE * SIZE * 3];
            Example ok = valid(4);
            int[] index = ok.array(ArrayNames.MASK_INDEX).ints();

            byte[] two = ok.array(ArrayNames.MASK).bytes().clone();
            two[index[PATCHES - 1]] = 2;
            assertThatThrownBy(() -> method.checkExample(MaskedPatchExamples.of(pixels, SIZE, two, index)))
                    .hasMessageContaining("only 0 and 1");

            byte[] all = new byte[PATCHES];
            java.util.Arrays.fill(all, (byte) 1);
            assertThatThrownBy(() -> method.checkExample(MaskedPatchExamples.of(pixels, SIZE, all, index)))
                    .hasMessageContaining("masks every patch");
        }
    }

    @Test
    void shouldRejectAVisibleCountOtherThanTheFirstExamples() {
        try (NDManager root = NDManager.newBaseManager()) {
            MaeMethod method = new MaeMethod(root, VIT, SETTINGS);
            method.checkExample(valid(5));
            Example moreVisible =
                    MaskedPatchExamples.example(new byte[SIZE * SIZE * 3], SIZE, PATCH, VISIBLE + 1, new Random(5));
            assertThatThrownBy(() -> method.checkExample(moreVisible))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("5 of 16 patches visible")
                    .hasMessageContaining("earlier ones 4");
            method.checkExample(valid(6));
        }
    }

    @Test
    void shouldMeasureHealthThroughTheIdentityHead() {
        try (NDManager root = NDManager.newBaseManager()) {
            MaeMethod method = new MaeMethod(root, VIT, SETTINGS);
            assertThat(HealthMonitor.outputDim(method.head(), VIT.featureDim())).isEqualTo(VIT.featureDim());
            Map<String, Double> values =
                    HealthMonitor.sampleHealth(root, method.encoder(), method.head(), VIT, images(batch(16, 9)));
            assertThat(values.get(HealthMonitor.PROJECTION_STD)).isFinite().isEqualTo(values.get(HealthMonitor.STD));
        }
    }

    @Test
    void shouldTrainAViTWhenTheMethodIsMaeAndNothingElseIsSet() {
        LearnerConfig mae = config(Map.of(LearnerConfig.METHOD_CONFIG, MaeMethod.NAME));
        assertThat(mae.encoder()).isInstanceOf(VitEncoderSpec.class);
        assertThat(mae.encoder()).isEqualTo(VitEncoderSpec.of(32, 4, 128, 6, 4, 4));
        assertThat(mae.optimizer()).isEqualTo("adamw");
        assertThat(mae.weightDecay()).isEqualTo(0.05);
        assertThat(config(Map.of()).encoder())
                .as("other methods keep the conv encoder")
                .isInstanceOf(ConvEncoderSpec.class);
        assertThat(config(Map.of(ImageKit.IMAGE_ENCODER_CONFIG, "vit")).encoder())
                .as("any method may ask for the ViT")
                .isInstanceOf(VitEncoderSpec.class);
    }

    @Test
    void shouldRefuseTheConvEncoderForMae() {
        assertThatThrownBy(() -> config(
                        Map.of(LearnerConfig.METHOD_CONFIG, MaeMethod.NAME, ImageKit.IMAGE_ENCODER_CONFIG, "conv")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ImageKit.IMAGE_ENCODER_CONFIG)
                .hasMessageContaining("patch tokens");
        assertThatThrownBy(
                        () -> config(Map.of(LearnerConfig.METHOD_CONFIG, MaeMethod.NAME, ImageKit.VIT_DIM_CONFIG, 130)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ViT");
    }

    private static LearnerConfig config(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(Map.of(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"));
        props.putAll(overrides);
        return new LearnerConfig(props);
    }

    private static List<Tensor> images(ExampleBatch batch) {
        return batch.examples().stream().map(e -> e.array(ArrayNames.view(0))).toList();
    }
}
