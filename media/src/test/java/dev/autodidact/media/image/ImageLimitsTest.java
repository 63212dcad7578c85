package dev.autodidact.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageLimitsTest {
    @Test
    void shouldDefaultToEightMebibytesFortyMegapixelsAnd16384PerSide() {
        ImageLimits limits = ImageLimits.defaults();

        assertThat(limits.maxBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(limits.maxPixels()).isEqualTo(40_000_000L);
        assertThat(limits.maxSide()).isEqualTo(16_384);
    }

    @Test
    void shouldReplaceOneLimitAtATime() {
        ImageLimits limits = ImageLimits.defaults().withMaxBytes(10).withMaxSide(20);

        assertThat(limits).isEqualTo(new ImageLimits(10, 40_000_000L, 20));
        assertThat(limits.withMaxPixels(5).maxPixels()).isEqualTo(5);
    }

    @Test
    void shouldRejectNonPositiveLimits() {
        assertThatThrownBy(() -> new ImageLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageLimits.defaults().withMaxSide(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
