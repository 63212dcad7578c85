package dev.autodidact.media.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HorizontalFlipTest {
    private final RgbImage noise = TestImages.noise(7, 5, 1);

    @Test
    void shouldMirrorExactlyWhenCertain() {
        RgbImage flipped = new HorizontalFlip(1.0).apply(noise, new SplittableRandom(1));

        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(flipped.rgb(x, y)).isEqualTo(noise.rgb(6 - x, y));
            }
        }
    }

    @Test
    void shouldRestoreImageWhenFlippedTwice() {
        assertThat(HorizontalFlip.mirror(HorizontalFlip.mirror(noise)))
                .isEqualTo(noise)
                .isNotEqualTo(HorizontalFlip.mirror(noise));
    }

    @Test
    void shouldNeverFlipWithProbabilityZero() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            assertThat(new HorizontalFlip(0).apply(noise, rng)).isEqualTo(noise);
        }
    }

    @Test
    void shouldFlipAboutHalfTheTimeWithProbabilityHalf() {
        SplittableRandom rng = new SplittableRandom(3);
        int flips = 0;
        for (int i = 0; i < 1000; i++) {
            flips += new HorizontalFlip(0.5).apply(noise, rng).equals(noise) ? 0 : 1;
        }
        assertThat(flips).isBetween(430, 570);
    }

    @Test
    void shouldRejectInvalidProbability() {
        assertThatThrownBy(() -> new HorizontalFlip(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HorizontalFlip(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
