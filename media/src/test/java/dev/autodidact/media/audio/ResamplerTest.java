package dev.autodidact.media.audio;

import static dev.autodidact.media.testing.TestWavs.db;
import static dev.autodidact.media.testing.TestWavs.rms;
import static dev.autodidact.media.testing.TestWavs.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    /** Output samples left out at each end, where the zeros outside the input make a transient. */
    private static final int EDGE = 200;

    @Test
    void shouldRemoveToneAboveNewNyquistWhenDownsampling() {
        float[] in = tone(5_000, 44_100, 44_100, 0.5);

        float[] out = new Resampler(44_100, 8_000).resample(in);

        double attenuation = db(rms(out, EDGE, out.length - EDGE), rms(in));
        assertThat(attenuation).isLessThan(-60);
    }

    @ParameterizedTest
    @CsvSource({"4200", "4500", "6000", "9000", "15000", "21000"})
    void shouldAttenuateWholeStopBandByAtLeast80Db(double hz) {
        float[] in = tone(hz, 44_100, 44_100, 0.5);

        float[] out = new Resampler(44_100, 8_000).resample(in);

        assertThat(db(rms(out, EDGE, out.length - EDGE), rms(in))).isLessThan(-80);
    }

    @ParameterizedTest
    @CsvSource({
        "44100, 8000",
        "44100, 16000",
        "48000, 16000",
        "22050, 16000",
        "8000, 16000",
        "11025, 16000",
        "16000, 8000",
        "44100, 16001"
    })
    void shouldPassOneKilohertzToneWithinHalfDecibel(int source, int target) {
        float[] in = tone(1_000, source, source, 0.5);

        float[] out = new Resampler(source, target).resample(in);

        double gain = db(rms(out, EDGE, out.length - EDGE), rms(in));
        assertThat(gain).isCloseTo(0, within(0.5));
        float[] expected = tone(1_000, target, out.length, 0.5);
        double error = 0;
        for (int i = EDGE; i < out.length - EDGE; i++) {
            error = Math.max(error, Math.abs(out[i] - expected[i]));
        }
        assertThat(error).as("largest deviation from the ideal tone").isLessThan(1e-3);
    }

    @Test
    void shouldPreserveToneWhenUpsamplingFrom8To16Kilohertz() {
        float[] in = tone(1_000, 8_000, 8_000, 0.5);

        float[] out = new Resampler(8_000, 16_000).resample(in);

        assertThat(out).hasSize(16_000);
        assertThat(db(rms(out, EDGE, out.length - EDGE), rms(in))).isCloseTo(0, within(0.5));
        for (int i = EDGE; i < out.length - EDGE; i += 2) {
            assertThat(out[i]).as("sample %d lies on an input sample", i).isCloseTo(in[i / 2], within(1e-3f));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1, 44100, 8000",
        "999, 44100, 16000",
        "12345, 8000, 16000",
        "16000, 16000, 8000",
        "777, 11025, 22050",
        "5000, 384000, 1000",
        "3, 1000, 384000"
    })
    void shouldMakeRoundedRatioLength(int length, int source, int target) {
        float[] out = new Resampler(source, target).resample(new float[length]);

        double ideal = (double) length * target / source;
        assertThat((double) out.length).isCloseTo(Math.round(ideal), within(1.0));
    }

    @Test
    void shouldCopyInputWhenRatesAreEqual() {
        float[] in = tone(440, 16_000, 1_000, 0.3);

        float[] out = new Resampler(16_000, 16_000).resample(in);

        assertThat(out).containsExactly(in).isNotSameAs(in);
    }

    @Test
    void shouldComputeOnlyTheRequestedStartOfTheOutput() {
        float[] in = tone(1_000, 44_100, 44_100, 0.5);
        Resampler resampler = new Resampler(44_100, 16_000);

        float[] whole = resampler.resample(in);
        float[] start = resampler.resample(in, 1_000);
        float[] longer = resampler.resample(new float[10], 50);

        assertThat(start).containsExactly(Arrays.copyOf(whole, 1_000));
        assertThat(longer).hasSize(50).containsOnly(0f);
    }

    @Test
    void shouldKeepDcLevel() {
        float[] in = new float[20_000];
        Arrays.fill(in, 0.25f);

        float[] out = new Resampler(22_050, 16_000).resample(in);

        for (int i = EDGE; i < out.length - EDGE; i++) {
            assertThat(out[i]).isCloseTo(0.25f, within(1e-4f));
        }
    }

    @Test
    void shouldInterpolatePhasesWhenRatesShareNoLargeFactor() {
        float[] in = tone(1_000, 44_101, 44_101, 0.5);

        float[] out = new Resampler(44_101, 16_000).resample(in);

        float[] expected = tone(1_000, 16_000, out.length, 0.5);
        for (int i = EDGE; i < out.length - EDGE; i++) {
            assertThat(out[i]).isCloseTo(expected[i], within(1e-3f));
        }
    }

    @Test
    void shouldRejectRatesOutOfRange() {
        assertThatThrownBy(() -> new Resampler(0, 16_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source sample rate");
        assertThatThrownBy(() -> new Resampler(16_000, 2_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target sample rate");
        assertThatThrownBy(() -> new Resampler(1_000_000, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two steps");
    }
}
