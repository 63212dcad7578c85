package dev.autodidact.media.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.ImageCanonicalizer;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomResizedCropTest {
    private final RandomResizedCrop simclr = new RandomResizedCrop(32, 0.08, 1.0, 3.0 / 4, 4.0 / 3);

    @ParameterizedTest
    @CsvSource({"32,32", "512,300", "1,1", "3,400", "640,427"})
    void shouldAlwaysProduceOutSizeSquare(int width, int height) {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 20; i++) {
            RgbImage crop = simclr.apply(TestImages.noise(width, height, i), rng);
            assertThat(crop.width()).isEqualTo(32);
            assertThat(crop.height()).isEqualTo(32);
        }
    }

    @Test
    void shouldSampleRegionsInsideImageWithinScaleAndRatio() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 2000; i++) {
            int[] r = simclr.sampleRegion(200, 150, rng);
            assertThat(r[0]).isBetween(0, 200 - r[2]);
            assertThat(r[1]).isBetween(0, 150 - r[3]);
            double ratio = (double) r[2] / r[3];
            assertThat(ratio).isBetween(0.70, 1.40);
            assertThat((double) r[2] * r[3] / (200 * 150)).isBetween(0.07, 1.0);
        }
    }

    @Test
    void shouldFallBackToCentreCropWithClampedRatio() {
        RandomResizedCrop square = new RandomResizedCrop(8, 0.9, 1.0, 1.0, 1.0);

        assertThat(square.sampleRegion(1000, 10, new SplittableRandom(3))).containsExactly(495, 0, 10, 10);
        assertThat(square.sampleRegion(10, 1000, new SplittableRandom(3))).containsExactly(0, 495, 10, 10);
    }

    @Test
    void shouldEqualPlainResizeForFullSquareCrop() {
        RgbImage noise = TestImages.noise(100, 100, 4);
        RandomResizedCrop whole = new RandomResizedCrop(32, 1.0, 1.0, 1.0, 1.0);

        assertThat(whole.apply(noise, new SplittableRandom(5)))
                .isEqualTo(new ImageCanonicalizer(32).canonicalize(noise));
    }

    @Test
    void shouldRejectInvalidRanges() {
        assertThatThrownBy(() -> new RandomResizedCrop(32, 0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomResizedCrop(32, 0.5, 0.4, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomResizedCrop(32, 0.5, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomResizedCrop(0, 0.5, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
