package dev.autodidact.media.image.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomGrayscaleTest {
    @Test
    void shouldMakeChannelsEqualWhenCertain() {
        RgbImage gray = new RandomGrayscale(1).apply(TestImages.noise(9, 9, 1), new SplittableRandom(1));

        byte[] p = gray.pixels();
        for (int i = 0; i < p.length; i += 3) {
            assertThat(p[i]).isEqualTo(p[i + 1]).isEqualTo(p[i + 2]);
        }
    }

    @Test
    void shouldUseRec601Luma() {
        assertThat(RandomGrayscale.grayscale(TestImages.uniform(1, 1, 255, 0, 0))
                        .rgb(0, 0))
                .isEqualTo(76 * 0x010101);
        assertThat(RandomGrayscale.grayscale(TestImages.uniform(1, 1, 0, 255, 0))
                        .rgb(0, 0))
                .isEqualTo(150 * 0x010101);
        assertThat(RandomGrayscale.grayscale(TestImages.uniform(1, 1, 0, 0, 255))
                        .rgb(0, 0))
                .isEqualTo(29 * 0x010101);
        assertThat(RandomGrayscale.grayscale(TestImages.uniform(1, 1, 255, 255, 255))
                        .rgb(0, 0))
                .isEqualTo(0xFFFFFF);
    }

    @Test
    void shouldLeaveImageAloneWithProbabilityZero() {
        RgbImage noise = TestImages.noise(9, 9, 2);

        assertThat(new RandomGrayscale(0).apply(noise, new SplittableRandom(2))).isEqualTo(noise);
    }
}
