package dev.autodidact.learner.modality.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.autodidact.media.audio.LogMel;
import dev.autodidact.media.audio.LogMelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log-mel definition against reference values computed independently in NumPy (float64, librosa's
 * {@code filters.mel} formula with {@code htk=False, norm='slaney'}, a periodic Hann window, {@code np.fft.rfft},
 * {@code center=False}) for a fixed 1 s test signal at 16 kHz: two tones and a chirp.
 */
class LogMelSpectrogramsTest {
    private static final LogMelSpectrograms LOG_MEL = LogMelSpectrograms.of(16000, 400, 160, 64);

    /** {mel, frame, log-mel} of the test signal. */
    private static final double[][] LOG_MEL_VALUES = {
        {9, 10, 2.527474},
        {44, 97, 0.711015},
        {0, 0, -5.316705},
        {30, 50, -23.025851},
        {48, 93, -22.532539},
        {2, 14, -21.245077},
        {52, 92, -22.491773},
        {15, 30, -23.025851},
        {55, 41, -22.154799}
    };

    /** {@code 0.3 sin(2 pi 440 t) + 0.2 sin(2 pi 3000 t) + 0.1 sin(2 pi (100 + 3900 t) t)}, rounded to 16 bits. */
    static short[] testSignal(int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / 16000.0;
            double x = 0.3 * Math.sin(2 * Math.PI * 440 * t)
                    + 0.2 * Math.sin(2 * Math.PI * 3000 * t)
                    + 0.1 * Math.sin(2 * Math.PI * (100 + 3900 * t) * t);
            pcm[i] = (short) Math.rint(x * 32767);
        }
        return pcm;
    }

    /**
     * The learner's batched log-mel (the encoder's input for canonical clips) equals media's per-clip log-mel (what the
     * stream-app's views are made of), so an embedded clip and a training view are the same features.
     */
    @Test
    void shouldEqualMediasLogMelThatTheStreamAppsViewsAreMadeOf() {
        short[] pcm = testSignal(16000);
        float[] samples = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            samples[i] = pcm[i] / 32768f;
        }
        float[][] media = new LogMel(LogMelSpec.of(16000, 400, 160, 64)).apply(samples);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] ours = LOG_MEL.logMel(m, List.of(pcm)).toFloatArray();
            assertThat(media.length).isEqualTo(64);
            assertThat(media[0].length).isEqualTo(98);
            for (int b = 0; b < 64; b++) {
                for (int f = 0; f < 98; f++) {
                    // media's FFT is float32, ours double: bands 80 dB or more below full scale (log power below -18)
                    // differ by float32 rounding (up to about 0.1 in the log near the floor), so there both must only
                    // be that quiet; louder bands agree to 2e-3
                    if (media[b][f] < -18) {
                        assertThat(ours[b * 98 + f]).as("mel %d frame %d", b, f).isLessThan(-17.5f);
                    } else {
                        assertThat(ours[b * 98 + f]).as("mel %d frame %d", b, f).isCloseTo(media[b][f], within(2e-3f));
                    }
                }
            }
        }
    }

    @Test
    void shouldMatchTheReferenceLogMelOfATestSignal() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logMel = LOG_MEL.logMel(m, List.of(testSignal(16000), testSignal(16000)));
            assertThat(logMel.getShape().getShape()).containsExactly(2, 64, 98);
            float[] values = logMel.toFloatArray();
            for (double[] v : LOG_MEL_VALUES) {
                int at = (int) v[0] * 98 + (int) v[1];
                assertThat(values[at])
                        .as("mel %d frame %d", (int) v[0], (int) v[1])
                        .isCloseTo((float) v[2], within(2e-3f));
                assertThat(values[64 * 98 + at]).isEqualTo(values[at]);
            }
            assertThat(logMel.min().getFloat()).isCloseTo((float) Math.log(1e-10), within(1e-4f));
        }
    }

    @Test
    void shouldCountFramesWithoutCentring() {
        assertThat(LOG_MEL.frames(16000)).isEqualTo(98);
        assertThat(LOG_MEL.frames(12000)).isEqualTo(73);
        assertThat(LOG_MEL.frames(400)).isEqualTo(1);
        assertThat(LOG_MEL.frames(399)).isZero();
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(LOG_MEL.logMel(m, List.of(testSignal(12000))).getShape().getShape())
                    .containsExactly(1, 64, 73);
        }
    }

    @Test
    void shouldRefuseClipsOfDifferentLengthsOrShorterThanAFrame() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> LOG_MEL.logMel(m, List.of(testSignal(1000), testSignal(1200))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("differ in length");
            assertThatThrownBy(() -> LOG_MEL.logMel(m, List.of(testSignal(300))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("shorter than one");
        }
        assertThatThrownBy(() -> new LogMelSpectrograms(16000, 400, 500, 64))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
