package dev.autodidact.learner.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.FeatureMapEncoder;
import dev.autodidact.learner.model.MlpHead;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conv encoder's spatial map for the dense methods: of the documented shape, computed by the very blocks and
 * parameters of the published encoder (its spatial mean is the encoder's output, before and after the weights change),
 * and the pixel normalisation of targets equal to that of the encoder's input.
 */
class ConvEncoderFeatureMapTest {
    private final Random random = new Random(9);

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void shouldGiveAMapWhoseSpatialMeanIsTheEncodersOutputOnSharedParameters(int residualBlocks) {
        ConvEncoderSpec spec = ConvEncoderSpec.of(32, new int[] {8, 16, 32}, residualBlocks);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            Block encoder = spec.build(m);
            NDArray input = spec.input(m, images(4, 32));
            ParameterStore store = new ParameterStore(m, false);

            NDArray map = spec.featureMap(store, encoder, input, false);
            assertThat(map.getShape()).isEqualTo(new Shape(4, 32, 8, 8));
            assertPooledMapIsOutput(spec, encoder, store, input);

            Parameter first = encoder.getParameters().valueAt(0);
            first.getArray().muli(-2f);
            NDArray changed = spec.featureMap(store, encoder, input, false);
            assertThat(changed.allClose(map, 1e-4, 1e-4, false))
                    .as("the map follows the encoder's weights")
                    .isFalse();
            assertPooledMapIsOutput(spec, encoder, store, input);
        }
    }

    private static void assertPooledMapIsOutput(
            ConvEncoderSpec spec, Block encoder, ParameterStore store, NDArray input) {
        NDArray pooled = spec.featureMap(store, encoder, input, false)
                .mean(new int[] {3})
                .mean(new int[] {2});
        NDArray output = encoder.forward(store, new NDList(input), false).singletonOrThrow();
        assertThat(pooled.getShape()).isEqualTo(output.getShape());
        assertThat(pooled.allClose(output, 1e-5, 1e-6, false)).isTrue();
    }

    @Test
    void shouldDescribeTheMapOfTheDefaultEncoder() {
        ConvEncoderSpec spec = ConvEncoderSpec.of(32, new int[] {32, 64, 128}, 0);
        assertThat(spec.mapChannels()).isEqualTo(128);
        assertThat(spec.mapSide(32)).isEqualTo(8);
        assertThat(spec.mapSide(spec.inputSide())).isEqualTo(8);
        assertThat(spec.mapSide(18)).isEqualTo(4);
        assertThat(spec.inputChannels()).isEqualTo(3);
        assertThat(FeatureMapEncoder.of(spec, "inpainting")).isSameAs(spec);
        assertThatThrownBy(() ->
                        ConvEncoderSpec.of(8, new int[] {1, 1, 1, 1, 1}, 0).mapSide(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no map");
    }

    @Test
    void shouldNormalizeStackedPixelTargetsExactlyAsTheEncodersInput() {
        ConvEncoderSpec spec = ConvEncoderSpec.of(16, new int[] {8, 16}, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            List<Tensor> images = images(3, 16);
            NDArray viaInput = spec.input(m, images);
            NDArray viaTarget = spec.normalize(Collator.stack(m, images));
            assertThat(viaTarget.getShape()).isEqualTo(viaInput.getShape());
            assertThat(viaTarget.allClose(viaInput, 1e-6, 1e-6, false)).isTrue();
            assertThatThrownBy(() -> spec.normalize(m.zeros(new Shape(2, 16, 16, 3), DataType.FLOAT32)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("uint8");
        }
    }

    @Test
    void shouldRefuseANetworkThatIsNotThisEncoder() {
        ConvEncoderSpec spec = ConvEncoderSpec.of(16, new int[] {8, 16}, 0);
        ConvEncoderSpec wider = ConvEncoderSpec.of(16, new int[] {8, 16}, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray input = m.zeros(spec.inputShape(2));
            ParameterStore store = new ParameterStore(m, false);
            Block mlp = MlpHead.simClr(8, 4).build();
            assertThatThrownBy(() -> spec.featureMap(store, mlp, input, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Not a conv encoder");
            Block other = wider.build(m);
            assertThatThrownBy(() -> spec.featureMap(store, other, input, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private List<Tensor> images(int n, int size) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] pixels = new byte[size * size * 3];
            random.nextBytes(pixels);
            out.add(Tensor.u8(new int[] {size, size, 3}, pixels));
        }
        return out;
    }
}
