package dev.autodidact.media.image.augment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConvolutionTest {
    @Test
    void shouldReflectWithoutRepeatingTheEdge() {
        assertThat(Convolution.reflectedIndices(4, 2)).containsExactly(2, 1, 0, 1, 2, 3, 2, 1);
        assertThat(Convolution.reflect(-7, 3)).isEqualTo(1);
        assertThat(Convolution.reflect(5, 1)).isZero();
    }

    @Test
    void shouldNormalizeGaussianKernel() {
        float[] kernel = Convolution.gaussian(1.0, 7);

        double sum = 0;
        for (float w : kernel) {
            sum += w;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
        assertThat(kernel[3]).isGreaterThan(kernel[2]).isGreaterThan(kernel[0]);
        assertThat(kernel[1]).isEqualTo(kernel[5]);
    }
}
