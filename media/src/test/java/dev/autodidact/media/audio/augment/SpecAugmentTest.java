package dev.autodidact.media.audio.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpecAugmentTest {
    /** Distinct values, so every masked cell is recognisable by holding the mean. */
    private static float[][] spectrogram(int bands, int frames) {
        float[][] out = new float[bands][frames];
        for (int m = 0; m < bands; m++) {
            for (int f = 0; f < frames; f++) {
                out[m][f] = m * 1_000 + f + 0.5f;
            }
        }
        return out;
    }

    private static float mean(float[][] x) {
        double sum = 0;
        for (float[] row : x) {
            for (float v : row) {
                sum += v;
            }
        }
        return (float) (sum / (x.length * x[0].length));
    }

    @Test
    void shouldMaskWholeBandsAndWholeFramesWithTheMean() {
        float[][] input = spectrogram(64, 73);
        float mean = mean(input);

        for (long seed = 0; seed < 20; seed++) {
            float[][] out = new SpecAugment(2, 10, 2, 8).apply(input, new SplittableRandom(seed));

            int maskedBands = 0;
            for (int m = 0; m < 64; m++) {
                boolean whole = true;
                for (int f = 0; f < 73; f++) {
                    whole &= out[m][f] == mean;
                }
                maskedBands += whole ? 1 : 0;
            }
            int maskedFrames = 0;
            for (int f = 0; f < 73; f++) {
                boolean whole = true;
                for (int m = 0; m < 64; m++) {
                    whole &= out[m][f] == mean;
                }
                maskedFrames += whole ? 1 : 0;
            }
            assertThat(maskedBands).isLessThanOrEqualTo(16);
            assertThat(maskedFrames).isLessThanOrEqualTo(20);
            for (int m = 0; m < 64; m++) {
                for (int f = 0; f < 73; f++) {
                    assertThat(out[m][f]).isIn(input[m][f], mean);
                }
            }
        }
    }

    @Test
    void shouldMaskFullWidthMasksWhenTheDrawAllows() {
        float[][] input = spectrogram(4, 5);

        float[][] out = new SpecAugment(16, 1_000, 0, 0).apply(input, new SplittableRandom(5));

        int masked = 0;
        for (int f = 0; f < 5; f++) {
            masked += out[0][f] == mean(input) ? 1 : 0;
        }
        assertThat(masked).isPositive();
    }

    @Test
    void shouldNotTouchTheInputAndChangeNothingWithoutMasks() {
        float[][] input = spectrogram(8, 9);
        float[][] copy = spectrogram(8, 9);

        new SpecAugment(3, 4, 3, 4).apply(input, new SplittableRandom(1));
        float[][] none = SpecAugment.none().apply(input, new SplittableRandom(1));

        assertThat(input).isDeepEqualTo(copy);
        assertThat(none).isDeepEqualTo(copy);
    }

    @Test
    void shouldRejectCountsAndWidthsOverTheCaps() {
        assertThatThrownBy(() -> new SpecAugment(17, 10, 2, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time masks");
        assertThatThrownBy(() -> new SpecAugment(2, 10, 2, 2_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("widest frequency mask");
        assertThatThrownBy(() -> new SpecAugment(-1, 10, 2, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
