package dev.autodidact.media.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColorJitterTest {
    private static final int[] ORDER = {0, 1, 2, 3};
    private final RgbImage noise = TestImages.noise(16, 16, 1);

    @Test
    void shouldLeaveImageAloneWithNeutralFactors() {
        assertThat(ColorJitter.adjust(noise, ORDER, 1f, 1f, 1f, 0f)).isEqualTo(noise);
    }

    @Test
    void shouldLeaveImageAloneWithZeroStrengthsOrProbability() {
        SplittableRandom rng = new SplittableRandom(2);

        assertThat(new ColorJitter(0, 0, 0, 0, 1).apply(noise, rng)).isEqualTo(noise);
        assertThat(new ColorJitter(0.8, 0.8, 0.8, 0.2, 0).apply(noise, rng)).isEqualTo(noise);
    }

    @Test
    void shouldScaleBrightnessAndClampInsteadOfWrapping() {
        RgbImage image = TestImages.uniform(2, 2, 200, 100, 10);

        assertThat(ColorJitter.adjust(image, ORDER, 0.5f, 1f, 1f, 0f)).isEqualTo(TestImages.uniform(2, 2, 100, 50, 5));
        assertThat(ColorJitter.adjust(image, ORDER, 1.8f, 1f, 1f, 0f))
                .isEqualTo(TestImages.uniform(2, 2, 255, 180, 18));
    }

    @Test
    void shouldRemoveColourWithSaturationZero() {
        RgbImage gray = ColorJitter.adjust(noise, ORDER, 1f, 1f, 0f, 0f);

        byte[] p = gray.pixels();
        for (int i = 0; i < p.length; i += 3) {
            assertThat(p[i]).isEqualTo(p[i + 1]).isEqualTo(p[i + 2]);
        }
    }

    @Test
    void shouldCollapseToMeanGreyWithContrastZero() {
        RgbImage flat = ColorJitter.adjust(noise, ORDER, 1f, 0f, 1f, 0f);

        int first = flat.rgb(0, 0);
        assertThat(first & 0xFF).isEqualTo(first >> 8 & 0xFF).isBetween(110, 145);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                assertThat(flat.rgb(x, y)).isEqualTo(first);
            }
        }
    }

    @Test
    void shouldRotateHueInHsv() {
        RgbImage red = TestImages.uniform(1, 1, 255, 0, 0);
        RgbImage grey = TestImages.uniform(1, 1, 90, 90, 90);

        assertThat(ColorJitter.adjust(red, ORDER, 1f, 1f, 1f, 1f / 3).rgb(0, 0)).isEqualTo(0x00FF00);
        assertThat(ColorJitter.adjust(red, ORDER, 1f, 1f, 1f, -1f / 3).rgb(0, 0))
                .isEqualTo(0x0000FF);
        assertThat(ColorJitter.adjust(TestImages.uniform(1, 1, 200, 100, 50), ORDER, 1f, 1f, 1f, 0.5f)
                        .rgb(0, 0))
                .isEqualTo(50 << 16 | 150 << 8 | 200);
        assertThat(ColorJitter.adjust(grey, ORDER, 1f, 1f, 1f, 0.4f)).isEqualTo(grey);
    }

    @Test
    void shouldChangeImageWithStrongJitter() {
        SplittableRandom rng = new SplittableRandom(3);
        ColorJitter strong = new ColorJitter(0.8, 0.8, 0.8, 0.2, 1);
        int changed = 0;
        for (int i = 0; i < 20; i++) {
            RgbImage jittered = strong.apply(noise, rng);
            assertThat(jittered.width()).isEqualTo(16);
            changed += jittered.equals(noise) ? 0 : 1;
        }
        assertThat(changed).isEqualTo(20);
    }

    @Test
    void shouldRejectInvalidStrengths() {
        assertThatThrownBy(() -> new ColorJitter(-0.1, 0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColorJitter(0, 0, 0, 0.6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColorJitter(0, 0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
