package dev.autodidact.media.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {
    private final GaussianBlur certain = new GaussianBlur(1, 0.1, 2.0, 0.1);

    @Test
    void shouldKeepConstantImageConstant() {
        RgbImage constant = TestImages.uniform(40, 30, 17, 130, 254);

        assertThat(certain.blur(constant, 2.0)).isEqualTo(constant);
        assertThat(certain.blur(TestImages.uniform(3, 2, 255, 0, 1), 5.0))
                .isEqualTo(TestImages.uniform(3, 2, 255, 0, 1));
    }

    @Test
    void shouldReduceVarianceOfNoiseAndKeepItsMean() {
        RgbImage noise = TestImages.noise(64, 64, 1);

        RgbImage blurred = certain.blur(noise, 1.5);

        assertThat(TestImages.variance(blurred)).isLessThan(TestImages.variance(noise) / 3);
        assertThat(mean(blurred)).isCloseTo(mean(noise), within(2.0));
    }

    @Test
    void shouldBlurMoreWithLargerSigma() {
        RgbImage noise = TestImages.noise(64, 64, 2);

        assertThat(TestImages.variance(certain.blur(noise, 2.0)))
                .isLessThan(TestImages.variance(certain.blur(noise, 0.5)));
    }

    @Test
    void shouldSizeKernelAtAboutTenPercentOddAndAtLeastThree() {
        assertThat(certain.kernelSize(32)).isEqualTo(3);
        assertThat(certain.kernelSize(224)).isEqualTo(23);
        assertThat(certain.kernelSize(96)).isEqualTo(11);
        assertThat(certain.kernelSize(5)).isEqualTo(3);
    }

    @Test
    void shouldLeaveImageAloneWithProbabilityZero() {
        RgbImage noise = TestImages.noise(16, 16, 3);

        assertThat(new GaussianBlur(0, 0.1, 2, 0.1).apply(noise, new SplittableRandom(1)))
                .isEqualTo(noise);
        assertThat(certain.apply(noise, new SplittableRandom(1))).isNotEqualTo(noise);
    }

    @Test
    void shouldRejectInvalidSigmas() {
        assertThatThrownBy(() -> new GaussianBlur(1, 0, 2, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GaussianBlur(1, 3, 2, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double mean(RgbImage image) {
        double sum = 0;
        for (byte p : image.pixels()) {
            sum += p & 0xFF;
        }
        return sum / image.pixels().length;
    }
}
