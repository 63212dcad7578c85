package dev.autodidact.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageCanonicalizerTest {
    @ParameterizedTest
    @CsvSource({"512,300,224", "300,512,96", "512,300,32", "20,13,64", "1,1,8", "1000,1,16"})
    void shouldProduceSizeBySize(int width, int height, int size) {
        RgbImage canonical = new ImageCanonicalizer(size).canonicalize(TestImages.noise(width, height, 1));

        assertThat(canonical.width()).isEqualTo(size);
        assertThat(canonical.height()).isEqualTo(size);
    }

    @ParameterizedTest
    @CsvSource({"512,300,224", "17,40,64", "64,64,63"})
    void shouldKeepUniformColourUniform(int width, int height, int size) {
        RgbImage canonical = new ImageCanonicalizer(size).canonicalize(TestImages.uniform(width, height, 12, 200, 77));

        assertThat(canonical).isEqualTo(TestImages.uniform(size, size, 12, 200, 77));
    }

    @Test
    void shouldReturnImageAlreadyAtSizeUnchanged() {
        RgbImage noise = TestImages.noise(32, 32, 2);

        assertThat(new ImageCanonicalizer(32).canonicalize(noise)).isEqualTo(noise);
    }

    @Test
    void shouldCropOnlyWhenShorterSideAlreadyFits() {
        RgbImage noise = TestImages.noise(40, 32, 3);

        RgbImage canonical = new ImageCanonicalizer(32).canonicalize(noise);

        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(canonical.rgb(x, y)).isEqualTo(noise.rgb(x + 4, y));
            }
        }
    }

    @Test
    void shouldKeepTheCentre() {
        RgbImage thirds = thirds(300, 100);

        RgbImage canonical = new ImageCanonicalizer(50).canonicalize(thirds);

        assertThat(canonical).isEqualTo(TestImages.uniform(50, 50, 0, 255, 0));
    }

    @Test
    void shouldAverageAreasInsteadOfAliasingFineDetail() {
        RgbImage checkerboard = checkerboard(96);

        RgbImage canonical = new ImageCanonicalizer(28).canonicalize(checkerboard);

        for (byte p : canonical.pixels()) {
            assertThat(p & 0xFF).isBetween(110, 145);
        }
    }

    @Test
    void shouldKeepRampMonotonicWhenGrowing() {
        RgbImage ramp = TestImages.gradient(16, 16);

        RgbImage grown = new ImageCanonicalizer(40).canonicalize(ramp);

        for (int x = 1; x < 40; x++) {
            assertThat(grown.rgb(x, 20) >> 16).isGreaterThanOrEqualTo(grown.rgb(x - 1, 20) >> 16);
        }
        assertThat(grown.rgb(0, 0) >> 16).isZero();
        assertThat(grown.rgb(39, 0) >> 16).isEqualTo(255);
    }

    @Test
    void shouldRejectNonPositiveSize() {
        assertThatThrownBy(() -> new ImageCanonicalizer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RgbImage thirds(int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[3 * (y * width + x) + 3 * x / width] = (byte) 255;
            }
        }
        return new RgbImage(width, height, pixels);
    }

    private static RgbImage checkerboard(int side) {
        byte[] pixels = new byte[side * side * 3];
        for (int i = 0; i < side * side; i++) {
            byte value = (byte) (((i % side) + (i / side)) % 2 == 0 ? 255 : 0);
            pixels[3 * i] = value;
            pixels[3 * i + 1] = value;
            pixels[3 * i + 2] = value;
        }
        return new RgbImage(side, side, pixels);
    }
}
