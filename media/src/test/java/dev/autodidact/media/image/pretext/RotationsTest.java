package dev.autodidact.media.image.pretext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import org.junit.jupiter.api.Test;

class RotationsTest {
    private final RgbImage image = TestImages.noise(5, 3, 7);

    @Test
    void shouldTurnAQuarterCounterClockwiseAsNumpyRot90Does() {
        RgbImage turned = Rotations.rotate(image, 1);

        assertThat(turned.width()).isEqualTo(3);
        assertThat(turned.height()).isEqualTo(5);
        // np.rot90(m)[i][j] == m[j][W - 1 - i]: the top-right corner moves to the top-left.
        for (int i = 0; i < turned.height(); i++) {
            for (int j = 0; j < turned.width(); j++) {
                assertThat(turned.rgb(j, i)).isEqualTo(image.rgb(image.width() - 1 - i, j));
            }
        }
    }

    @Test
    void shouldComposeTurnsAndComeBackAfterFour() {
        RgbImage once = Rotations.rotate(image, 1);

        assertThat(Rotations.rotate(once, 1)).isEqualTo(Rotations.rotate(image, 2));
        assertThat(Rotations.rotate(Rotations.rotate(image, 2), 1)).isEqualTo(Rotations.rotate(image, 3));
        assertThat(Rotations.rotate(Rotations.rotate(image, 3), 1)).isEqualTo(image);
        assertThat(Rotations.rotate(image, -1)).isEqualTo(Rotations.rotate(image, 3));
        assertThat(Rotations.rotate(image, 0)).isSameAs(image);
    }

    @Test
    void shouldTurnAHalfByMirroringBothAxes() {
        RgbImage half = Rotations.rotate(image, 2);

        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertThat(half.rgb(x, y)).isEqualTo(image.rgb(image.width() - 1 - x, image.height() - 1 - y));
            }
        }
    }
}
