package dev.autodidact.media.image.pretext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CieLabTest {
    private final double[] lab = new double[3];

    @Test
    void shouldMatchPublishedLabValuesOfThePrimaries() {
        // Reference values: sRGB D65 to CIE Lab D65 (e.g. Bruce Lindbloom's calculator, colormine.org).
        assertLab(255, 0, 0, 53.24, 80.09, 67.20);
        assertLab(0, 255, 0, 87.73, -86.18, 83.18);
        assertLab(0, 0, 255, 32.30, 79.19, -107.86);
        assertLab(255, 255, 255, 100.0, 0.0, 0.0);
        assertLab(0, 0, 0, 0.0, 0.0, 0.0);
        assertLab(128, 128, 128, 53.59, 0.0, 0.0);
    }

    @Test
    void shouldGiveEveryGrayNoColourAndItsOwnGrayBack() {
        for (int v = 0; v < 256; v++) {
            CieLab.fromSrgb(v, v, v, lab);

            assertThat(lab[1]).as("a* of gray %d", v).isCloseTo(0.0, within(1e-4));
            assertThat(lab[2]).as("b* of gray %d", v).isCloseTo(0.0, within(1e-4));
            assertThat(CieLab.gray(lab[0])).as("gray %d", v).isEqualTo(v);
        }
    }

    @Test
    void shouldConvertBackToTheSameSrgbColour() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            int rgb = rng.nextInt(1 << 24);
            CieLab.fromSrgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, lab);

            assertThat(CieLab.toSrgb(lab[0], lab[1], lab[2]))
                    .as("colour %06x", rgb)
                    .isEqualTo(rgb);
        }
    }

    @Test
    void shouldClipColoursOutsideTheGamut() {
        assertThat(CieLab.toSrgb(100, 0, 0)).isEqualTo(0xFFFFFF);
        assertThat(CieLab.toSrgb(60, 0, -200) & 0xFF).as("far blue").isEqualTo(255);
        assertThat(CieLab.toSrgb(60, 0, 200) & 0xFF).as("far yellow").isZero();
        assertThat(CieLab.toSrgb(-5, 0, 0)).isZero();
    }

    private void assertLab(int r, int g, int b, double l, double a, double bStar) {
        CieLab.fromSrgb(r, g, b, lab);
        assertThat(lab[0]).as("L* of %d,%d,%d", r, g, b).isCloseTo(l, within(0.01));
        assertThat(lab[1]).as("a* of %d,%d,%d", r, g, b).isCloseTo(a, within(0.01));
        assertThat(lab[2]).as("b* of %d,%d,%d", r, g, b).isCloseTo(bStar, within(0.01));
    }
}
