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

/** The decoder's output shapes, its nearest-neighbour upsampling and its refusal of sides it cannot reach. */
class ConvDecoderTest {

    @Test
    void shouldDecodeAnEightByEightMapToThirtyTwoPixelsOfThreeChannels() {
        ConvDecoder spec = ConvDecoder.toSide(8, 32, 64, 3);
        assertThat(spec.upsamplings()).isEqualTo(2);
        assertThat(spec.widthAt(0)).isEqualTo(64);
        assertThat(spec.widthAt(1)).isEqualTo(32);
        try (NDManager m = NDManager.newBaseManager()) {
            Block decoder = spec.build();
            decoder.initialize(m, DataType.FLOAT32, new Shape(2, 128, 8, 8));
            NDArray out = decoder.forward(
                            new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 128, 8, 8))), false)
                    .singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 3, 32, 32));
        }
    }

    @Test
    void shouldReadEachCellLinearlyWithAPerCellHead() {
        ConvDecoder spec = ConvDecoder.perCell(256);
        try (NDManager m = NDManager.newBaseManager()) {
            Block head = spec.build();
            head.initialize(m, DataType.FLOAT32, new Shape(2, 16, 8, 8));
            assertThat(head.getOutputShapes(new Shape[] {new Shape(2, 16, 8, 8)})[0])
                    .isEqualTo(new Shape(2, 256, 8, 8));
            assertThat(head.getParameters().size())
                    .as("one convolution: weight and bias")
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldUpsampleByRepeatingEachValueOverATwoByTwoSquare() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            float[] up = ConvDecoder.upsample(x).toFloatArray();
            assertThat(up).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
        }
    }

    @Test
    void shouldRefuseSidesThatAreNotTheMapTimesAPowerOfTwo() {
        assertThat(ConvDecoder.upsamplings(8, 8)).isZero();
        assertThat(ConvDecoder.upsamplings(4, 32)).isEqualTo(3);
        assertThatThrownBy(() -> ConvDecoder.upsamplings(4, 18))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new ConvDecoder(0, 8, 3, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
