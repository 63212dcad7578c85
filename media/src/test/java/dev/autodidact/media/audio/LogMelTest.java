package dev.autodidact.media.audio;

import static dev.autodidact.media.testing.TestWavs.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogMelTest {
    private static final LogMel DEFAULTS = new LogMel(LogMelSpec.defaults(16_000));

    /**
     * The same uniform noise as the reference: a 64-bit LCG (Knuth's MMIX constants), the top 24 bits as a fraction,
     * minus one half.
     */
    private static float[] lcgNoise(int n) {
        float[] out = new float[n];
        long state = 12_345;
        for (int i = 0; i < n; i++) {
            state = state * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            out[i] = (float) ((state >>> 40) / (double) (1 << 24) - 0.5);
        }
        return out;
    }

    /**
     * Reference values from an independent NumPy implementation of librosa's recipe ({@code np.fft.rfft}, periodic
     * Hann, {@code librosa.filters.mel} with Slaney norm, {@code center=False}, {@code np.log(np.maximum(S, 1e-10))}):
     * {band, frame, value}.
     */
    @Test
    void shouldMatchNumpyReferenceAtDefaultSettings() {
        float[][] logMel = DEFAULTS.apply(lcgNoise(1_600));

        assertThat(logMel).hasNumberOfRows(64);
        assertThat(logMel[0]).hasSize(8);
        double[][] expected = {
            {0, 0, -2.61367}, {0, 3, -0.46669}, {0, 7, -1.15088},
            {5, 0, -1.64420}, {5, 3, -1.62821}, {5, 7, -2.06583},
            {20, 0, -1.83434}, {20, 3, -1.11434}, {20, 7, -0.49037},
            {39, 0, -2.45119}, {39, 3, -1.19125}, {39, 7, -0.79669},
            {63, 0, -1.29545}, {63, 3, -1.58115}, {63, 7, -1.30794}
        };
        assertMatches(logMel, expected);
    }

    @Test
    void shouldMatchNumpyReferenceWithOddFftLengthAndNarrowBand() {
        LogMel logMel = new LogMel(new LogMelSpec(8_000, 255, 100, 40, 100, 3_500, 1e-10));

        float[][] out = logMel.apply(lcgNoise(1_000));

        assertThat(out).hasNumberOfRows(40);
        assertThat(out[0]).hasSize(8);
        double[][] expected = {
            {0, 0, -2.08109}, {0, 3, -2.48053}, {0, 7, -0.90084},
            {5, 0, -1.12496}, {5, 3, -1.62603}, {5, 7, -2.23385},
            {20, 0, -2.02637}, {20, 3, -1.49785}, {20, 7, -0.97490},
            {27, 0, -1.48990}, {27, 3, -0.85045}, {27, 7, -1.27935},
            {39, 0, -1.38596}, {39, 3, -1.07576}, {39, 7, -0.90957}
        };
        assertMatches(out, expected);
    }

    private static void assertMatches(float[][] logMel, double[][] expected) {
        for (double[] e : expected) {
            assertThat((double) logMel[(int) e[0]][(int) e[1]])
                    .as("band %d frame %d", (int) e[0], (int) e[1])
                    .isCloseTo(e[2], within(1e-3));
        }
    }

    @Test
    void shouldMatchLibrosaSlaneyFilterbankWeights() {
        float[][] bank = DEFAULTS.filterbank();

        assertThat(bank).hasNumberOfRows(64);
        assertThat(bank[0]).hasSize(201);
        int peak = 0;
        for (int k = 1; k < bank[10].length; k++) {
            peak = bank[10][k] > bank[10][peak] ? k : peak;
        }
        assertThat(peak).isEqualTo(13);
        assertThat((double) bank[10][peak]).isCloseTo(0.0171207218, within(1e-8));
        double total = 0;
        for (float[] row : bank) {
            for (float w : row) {
                total += w;
            }
        }
        assertThat(total).isCloseTo(1.598698, within(1e-5));
    }

    @Test
    void shouldPeakInTheBandThatWeighsOneKilohertzMost() {
        float[][] logMel = DEFAULTS.apply(tone(1_000, 16_000, 16_000, 0.5));

        int oneKilohertzBin = 1_000 * 400 / 16_000;
        float[][] bank = DEFAULTS.filterbank();
        int expected = 0;
        for (int m = 1; m < bank.length; m++) {
            expected = bank[m][oneKilohertzBin] > bank[expected][oneKilohertzBin] ? m : expected;
        }
        double[] centres = DEFAULTS.centreFrequencies();
        assertThat(Math.abs(centres[expected] - 1_000)).isLessThan(centres[expected + 1] - centres[expected]);
        for (int f = 0; f < logMel[0].length; f++) {
            int loudest = 0;
            for (int m = 1; m < logMel.length; m++) {
                loudest = logMel[m][f] > logMel[loudest][f] ? m : loudest;
            }
            assertThat(loudest).as("loudest band of frame %d", f).isEqualTo(expected);
        }
    }

    @Test
    void shouldGiveTheLogFloorForSilence() {
        float[][] logMel = DEFAULTS.apply(new float[4_000]);

        for (float[] band : logMel) {
            for (float value : band) {
                assertThat(value).isEqualTo((float) Math.log(1e-10));
            }
        }
    }

    @Test
    void shouldHaveNonNegativeAreaNormalisedBandsWithIncreasingCentres() {
        float[][] bank = DEFAULTS.filterbank();
        double[] centres = DEFAULTS.centreFrequencies();
        double binHz = 16_000.0 / 400;

        assertThat(centres).hasSize(64);
        for (int m = 0; m < bank.length; m++) {
            double area = 0;
            int nonZero = 0;
            for (float w : bank[m]) {
                assertThat(w).isGreaterThanOrEqualTo(0f);
                area += w * binHz;
                nonZero += w > 0 ? 1 : 0;
            }
            assertThat(nonZero).as("band %d", m).isPositive();
            if (nonZero > 10) {
                assertThat(area).as("area of band %d", m).isCloseTo(1.0, within(0.05));
            }
            if (m > 0) {
                assertThat(centres[m]).isGreaterThan(centres[m - 1]);
            }
        }
        assertThat(centres[0]).isGreaterThan(0);
        assertThat(centres[63]).isLessThan(8_000);
    }

    @Test
    void shouldCountFramesWithoutCentring() {
        LogMelSpec spec = LogMelSpec.defaults(16_000);

        assertThat(spec.frames(399)).isZero();
        assertThat(spec.frames(400)).isEqualTo(1);
        assertThat(spec.frames(559)).isEqualTo(1);
        assertThat(spec.frames(560)).isEqualTo(2);
        assertThat(spec.frames(12_000)).isEqualTo(73);
        assertThat(spec.frames(16_000)).isEqualTo(98);
        assertThat(DEFAULTS.apply(new float[16_000])[0]).hasSize(98);
        assertThat(DEFAULTS.applyFlat(new float[12_000])).hasSize(64 * 73);
    }

    @Test
    void shouldFlattenRowMajor() {
        float[][] logMel = DEFAULTS.apply(lcgNoise(1_600));

        float[] flat = DEFAULTS.applyFlat(lcgNoise(1_600));

        assertThat(flat[3 * 8 + 5]).isEqualTo(logMel[3][5]);
        assertThat(flat[63 * 8 + 7]).isEqualTo(logMel[63][7]);
    }

    @Test
    void shouldRejectClipShorterThanOneFrameAndBadSpecs() {
        assertThatThrownBy(() -> DEFAULTS.apply(new float[399]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("400 samples");
        assertThatThrownBy(() -> LogMelSpec.of(16_000, 16_384, 160, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_fft");
        assertThatThrownBy(() -> LogMelSpec.of(16_000, 400, 160, 512))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mel bands");
        assertThatThrownBy(() -> new LogMelSpec(16_000, 400, 160, 64, 0, 9_000, 1e-10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fmax");
        assertThatThrownBy(() -> new LogMelSpec(16_000, 400, 160, 64, 0, 8_000, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log floor");
    }
}
