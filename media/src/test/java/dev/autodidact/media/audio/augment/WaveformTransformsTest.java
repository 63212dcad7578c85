package dev.autodidact.media.audio.augment;

import static dev.autodidact.media.testing.TestWavs.db;
import static dev.autodidact.media.testing.TestWavs.rms;
import static dev.autodidact.media.testing.TestWavs.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaveformTransformsTest {
    private static final float[] CLIP = tone(440, 16_000, 16_000, 0.5);

    private static float[] ramp(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (i + 1) / (float) n;
        }
        return out;
    }

    @Test
    void shouldCropAContiguousWindowInsideTheClip() {
        float[] clip = ramp(1_000);
        float[] before = clip.clone();

        for (long seed = 0; seed < 20; seed++) {
            float[] crop = new RandomTimeCrop(300).apply(clip, new SplittableRandom(seed));

            assertThat(crop).hasSize(300);
            int start = Math.round(crop[0] * 1_000) - 1;
            assertThat(start).isBetween(0, 700);
            assertThat(crop).containsExactly(Arrays.copyOfRange(clip, start, start + 300));
        }
        assertThat(clip).containsExactly(before);
    }

    @Test
    void shouldPlaceAShorterClipInsideSilence() {
        float[] clip = ramp(100);

        float[] crop = new RandomTimeCrop(250).apply(clip, new SplittableRandom(3));

        int offset = 0;
        while (crop[offset] == 0) {
            offset++;
        }
        assertThat(offset).isBetween(0, 150);
        assertThat(Arrays.copyOfRange(crop, offset, offset + 100)).containsExactly(clip);
        assertThat(rms(crop)).isCloseTo(rms(clip) * Math.sqrt(100 / 250.0), within(1e-6));
    }

    @Test
    void shouldScaleByAGainInsideTheRange() {
        for (long seed = 0; seed < 20; seed++) {
            float[] out = new RandomGain(-6, 3).apply(CLIP, new SplittableRandom(seed));

            assertThat(db(rms(out), rms(CLIP))).isBetween(-6.0001, 3.0001);
            assertThat(out[100] / CLIP[100]).isCloseTo(out[4_000] / CLIP[4_000], within(1e-5f));
        }
        float[] fixed = new RandomGain(6, 6).apply(CLIP, new SplittableRandom(0));
        assertThat(db(rms(fixed), rms(CLIP))).isCloseTo(6, within(1e-4));
    }

    @Test
    void shouldAddNoiseAtTheDrawnSignalToNoiseRatio() {
        float[] out = new GaussianNoise(20, 20).apply(CLIP, new SplittableRandom(7));

        float[] noise = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            noise[i] = out[i] - CLIP[i];
        }
        assertThat(db(rms(CLIP), rms(noise))).isCloseTo(20, within(0.2));
        float[] ranged = new GaussianNoise(10, 40).apply(CLIP, new SplittableRandom(8));
        for (int i = 0; i < out.length; i++) {
            noise[i] = ranged[i] - CLIP[i];
        }
        assertThat(db(rms(CLIP), rms(noise))).isBetween(9.8, 40.2);
    }

    @Test
    void shouldLeaveSilenceSilentWhenAddingNoise() {
        assertThat(new GaussianNoise(0, 10).apply(new float[500], new SplittableRandom(1)))
                .containsOnly(0f);
    }

    @Test
    void shouldShiftWithSilenceFillWithinTheLargestShift() {
        float[] clip = ramp(1_000);

        for (long seed = 0; seed < 30; seed++) {
            float[] out = new TimeShift(0.1).apply(clip, new SplittableRandom(seed));

            assertThat(out).hasSize(1_000);
            int shift = out[0] == 0 ? firstNonZero(out) : -(Math.round(out[0] * 1_000) - 1);
            assertThat(Math.abs(shift)).isLessThanOrEqualTo(100);
            for (int i = 0; i < out.length; i++) {
                int from = i - shift;
                assertThat(out[i]).isEqualTo(from >= 0 && from < clip.length ? clip[from] : 0f);
            }
        }
        assertThat(new TimeShift(0).apply(clip, new SplittableRandom(1))).containsExactly(clip);
    }

    private static int firstNonZero(float[] x) {
        int i = 0;
        while (x[i] == 0) {
            i++;
        }
        return i;
    }

    @Test
    void shouldMixTheOtherClipAtThisClipsLevel() {
        float[] loudOpposite = CLIP.clone();
        for (int i = 0; i < loudOpposite.length; i++) {
            loudOpposite[i] *= -3;
        }

        for (long seed = 0; seed < 10; seed++) {
            float[] out = new ClipMix(0.4).apply(CLIP, loudOpposite, new SplittableRandom(seed));

            float c = out[100] / CLIP[100];
            assertThat(c).as("(1 - w) - w for w in [0, 0.4]").isBetween(0.2f - 1e-5f, 1f);
            for (int i = 1; i < CLIP.length; i += 97) {
                assertThat(out[i]).isCloseTo(c * CLIP[i], within(1e-5f));
            }
        }
    }

    @Test
    void shouldMixNothingFromASilentOrAbsentShareAndPadAShortOtherClip() {
        float[] fromSilence = new ClipMix(0.5).apply(CLIP, new float[10], new SplittableRandom(2));
        float[] noShare = new ClipMix(0).apply(CLIP, ramp(16_000), new SplittableRandom(2));
        float[] shortOther = new ClipMix(1).apply(new float[20], ramp(10), new SplittableRandom(2));

        float c = fromSilence[100] / CLIP[100];
        assertThat(c).isBetween(0.5f, 1f);
        assertThat(noShare).containsExactly(CLIP);
        assertThat(shortOther).hasSize(20);
        assertThat(Arrays.copyOfRange(shortOther, 10, 20)).containsOnly(0f);
        assertThat(shortOther[9]).isPositive();
    }

    @Test
    void shouldReproduceTheAugmentationFromASeed() {
        WaveformAugmentation augmentation = WaveformAugmentation.of(-6, 6, 10, 40, 0.1, 0.5);
        float[] other = ramp(16_000);

        float[] a = augmentation.apply(CLIP, other, new SplittableRandom(42));
        float[] b = augmentation.apply(CLIP, other, new SplittableRandom(42));
        float[] c = augmentation.apply(CLIP, other, new SplittableRandom(43));

        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void shouldRejectKnobsOutOfRange() {
        assertThatThrownBy(() -> new RandomGain(6, -6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gain");
        assertThatThrownBy(() -> new RandomGain(-100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GaussianNoise(Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signal-to-noise");
        assertThatThrownBy(() -> new TimeShift(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time shift");
        assertThatThrownBy(() -> new ClipMix(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixing weight");
        assertThatThrownBy(() -> new RandomTimeCrop(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crop length");
    }
}
