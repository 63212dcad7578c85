package dev.autodidact.learner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The pooled decoder's seed, its output shapes, and its refusal of sides no seed doubles to. */
class BottleneckDecoderTest {

    @Test
    void shouldDecodeAFeatureVectorThroughAFourByFourSeedToThirtyTwoPixels() {
        BottleneckDecoder spec = BottleneckDecoder.toSide(32, 32, 3);
        assertThat(spec.seedSide()).isEqualTo(4);
        assertThat(spec.seedChannels()).isEqualTo(BottleneckDecoder.SEED_CHANNEL_FACTOR * 32);
        assertThat(spec.upsampling()).isEqualTo(ConvDecoder.toSide(4, 32, 32, 3));
        try (NDManager m = NDManager.newBaseManager()) {
            Block decoder = spec.build();
            decoder.initialize(m, DataType.FLOAT32, new Shape(2, 128));
            NDArray out = decoder.forward(
                            new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(5, 128))), true)
                    .singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(5, 3, 32, 32));
            assertThat(decoder.getParameters().get(0).getValue().getArray().getShape())
                    .as("the seed's linear layer, without a bias (batch norm follows)")
                    .isEqualTo(new Shape(64 * 4 * 4, 128));
        }
    }

    @Test
    void shouldHalveTheSideWhileItStaysEvenAndAtLeastFour() {
        assertThat(BottleneckDecoder.seedSide(32)).isEqualTo(4);
        assertThat(BottleneckDecoder.seedSide(16)).isEqualTo(4);
        assertThat(BottleneckDecoder.seedSide(96)).isEqualTo(6);
        assertThat(BottleneckDecoder.seedSide(20)).isEqualTo(5);
        assertThat(BottleneckDecoder.seedSide(7)).isEqualTo(7);
        assertThat(BottleneckDecoder.seedSide(2)).isEqualTo(2);
        assertThatThrownBy(() -> BottleneckDecoder.seedSide(18))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new BottleneckDecoder(0, 4, ConvDecoder.toSide(4, 32, 8, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
