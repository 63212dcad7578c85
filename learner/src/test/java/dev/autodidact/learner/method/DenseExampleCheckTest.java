package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.DenseFixtures.SIZE;
import static dev.autodidact.learner.method.DenseFixtures.SPEC;
import static dev.autodidact.learner.method.DenseFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.modality.image.VitEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the dense methods refuse: examples whose mask or target does not cover the view's pixels or has the wrong type,
 * masks that are not 0/1, chroma that is not finite or outside [-1, 1] (each with a message naming the array, for the
 * dead-letter topic); and, at creation, an encoder without what the bottleneck needs (a feature map for {@code map},
 * pixel input for {@code pooled}, which a ViT has) or whose input the decoder cannot reach.
 */
class DenseExampleCheckTest {
    private final Random random = new Random(5);

    @ParameterizedTest
    @ValueSource(strings = {InpaintingMethod.NAME, ColorizationMethod.NAME, DenoisingAeMethod.NAME})
    void shouldAcceptTheRecipesExamplesAndRejectATargetOfAnotherSize(String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            SslMethod method = create(name, m);
            Example good = DenseFixtures.example(name, DenseFixtures.image(random), random);
            assertThatCode(() -> validator(method).check(good)).doesNotThrowAnyException();

            Tensor target = good.array(ArrayNames.TARGET);
            int[] smaller = target.shape().clone();
            smaller[0] = SIZE / 2;
            Tensor cropped =
                    Tensor.wrap(target.dtype(), smaller, Arrays.copyOf(target.bytes(), target.bytes().length / 2));
            assertThatThrownBy(() -> validator(method).check(with(good, ArrayNames.TARGET, cropped)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'target'")
                    .hasMessageContaining("view.0");
            assertThatThrownBy(() -> validator(method).check(without(good, ArrayNames.TARGET)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("target");
        }
    }

    @Test
    void shouldRejectAnInpaintingMaskOfTheWrongShapeOrValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            Consumer<Example> check = create(InpaintingMethod.NAME, m)::checkExample;
            Example good = DenseFixtures.inpainting(DenseFixtures.image(random), random);

            Tensor perChannel = Tensor.u8(new int[] {SIZE, SIZE, 1}, new byte[SIZE * SIZE]);
            assertThatThrownBy(() -> check.accept(with(good, ArrayNames.MASK, perChannel)))
                    .hasMessageContaining("'mask'");
            byte[] twos = new byte[SIZE * SIZE];
            twos[3] = 2;
            assertThatThrownBy(() -> check.accept(with(good, ArrayNames.MASK, Tensor.u8(new int[] {SIZE, SIZE}, twos))))
                    .hasMessageContaining("'mask' holds 2");
            Tensor floatTarget = Tensor.f32(new int[] {SIZE, SIZE, 3}, new float[SIZE * SIZE * 3]);
            assertThatThrownBy(() -> check.accept(with(good, ArrayNames.TARGET, floatTarget)))
                    .hasMessageContaining("'target'")
                    .hasMessageContaining("U8");
        }
    }

    @Test
    void shouldRejectColorizationTargetsThatAreNotFiniteChromaInRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            Consumer<Example> check = create(ColorizationMethod.NAME, m)::checkExample;
            Example good = DenseFixtures.colorization(DenseFixtures.image(random));
            float[] chroma = good.array(ArrayNames.TARGET).floats();
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, 1.5f, -1.01f}) {
                float[] values = chroma.clone();
                values[17] = bad;
                Tensor target = Tensor.f32(new int[] {SIZE, SIZE, 2}, values);
                assertThatThrownBy(() -> check.accept(with(good, ArrayNames.TARGET, target)))
                        .as("%f", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'target' holds");
            }
            Tensor rgbTarget = Tensor.f32(new int[] {SIZE, SIZE, 3}, new float[SIZE * SIZE * 3]);
            assertThatThrownBy(() -> check.accept(with(good, ArrayNames.TARGET, rgbTarget)))
                    .hasMessageContaining("[16, 16, 2]");
            Tensor u8Target = Tensor.u8(new int[] {SIZE, SIZE, 2}, new byte[SIZE * SIZE * 2]);
            assertThatThrownBy(() -> check.accept(with(good, ArrayNames.TARGET, u8Target)))
                    .hasMessageContaining("F32");
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("dev.autodidact.learner.method.DenseFixtures#variants")
    void shouldFailAtCreationForAnEncoderWithoutWhatItsBottleneckNeeds(String name, Bottleneck bottleneck) {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderArchitecture pooledOnly = new PooledOnly(SPEC);
            var refusal = assertThatThrownBy(() -> create(name, bottleneck, pooledOnly, m))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + name + "'")
                    .hasMessageContaining("'pooled-only'");
            if (bottleneck == Bottleneck.MAP) {
                refusal.hasMessageContaining("feature map");
            } else {
                refusal.hasMessageContaining("input pixels");
            }
            if (bottleneck == Bottleneck.MAP && !name.equals(ColorizationMethod.NAME)) {
                refusal.hasMessageContaining(name + ".bottleneck=pooled");
            }
        }
    }

    /**
     * A ViT gives no convolutional map but its input is a pixel grid: the pooled bottleneck trains on it, the map
     * bottleneck is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {InpaintingMethod.NAME, DenoisingAeMethod.NAME})
    void shouldDecodeAViTsPooledFeaturesButRefuseToDecodeItsMap(String name) {
        VitEncoderSpec vit = VitEncoderSpec.of(SIZE, 4, 16, 1, 2, 2);
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod pooled = create(name, Bottleneck.POOLED, vit, root);
            TrainStep step = new TrainStep(
                    root,
                    pooled,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(1e-3f, 0),
                    new Collator(vit));
            assertThat(step.run(0, DenseFixtures.batch(name, 4, 1)).loss()).isFinite();
            assertThatThrownBy(() -> create(name, Bottleneck.MAP, vit, root))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("feature map");
        }
    }

    @Test
    void shouldFailAtCreationWhenTheDecoderCannotReachTheInputSize() {
        ConvEncoderSpec odd = ConvEncoderSpec.of(18, new int[] {8, 16, 32}, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            for (Bottleneck b : Bottleneck.values()) {
                assertThatThrownBy(() -> new InpaintingMethod(m, odd, b, 16, 0.1f))
                        .as("%s", b)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("power of two");
                assertThatThrownBy(() -> new DenoisingAeMethod(m, odd, b, 16))
                        .as("%s", b)
                        .hasMessageContaining("power of two");
            }
            assertThatThrownBy(() -> new ColorizationMethod(m, odd, 8)).hasMessageContaining("does not divide");
            assertThatThrownBy(() -> new ColorizationMethod(m, SPEC, 65)).hasMessageContaining("bins");
            assertThatThrownBy(() -> new InpaintingMethod(m, SPEC, Bottleneck.POOLED, 16, -1f))
                    .hasMessageContaining("Context weight");
        }
    }

    /** A validator that has seen no example yet, so that the method's own check is what answers. */
    private static ExampleValidator validator(SslMethod method) {
        return new ExampleValidator(method.inputs(), method.canonicalInputs(), SPEC, method::checkExample);
    }

    private static Example with(Example example, String name, Tensor array) {
        Map<String, Tensor> arrays = new HashMap<>(example.arrays());
        arrays.put(name, array);
        return new Example(arrays, example.metadata());
    }

    private static Example without(Example example, String name) {
        Map<String, Tensor> arrays = new HashMap<>(example.arrays());
        arrays.remove(name);
        return new Example(arrays, example.metadata());
    }

    /** An architecture that gives only pooled features: the conv encoder without its feature-map interface. */
    private record PooledOnly(ConvEncoderSpec spec) implements EncoderArchitecture {
        @Override
        public String name() {
            return "pooled-only";
        }

        @Override
        public Modality modality() {
            return spec.modality();
        }

        @Override
        public int featureDim() {
            return spec.featureDim();
        }

        @Override
        public Map<String, String> toMap() {
            return spec.toMap();
        }

        @Override
        public Block network() {
            return spec.network();
        }

        @Override
        public Shape inputShape(int n) {
            return spec.inputShape(n);
        }

        @Override
        public NDArray input(NDManager manager, List<Tensor> arrays) {
            return spec.input(manager, arrays);
        }

        @Override
        public void checkInput(Tensor array, boolean canonical) {
            spec.checkInput(array, canonical);
        }
    }
}
