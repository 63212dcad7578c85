package dev.autodidact.learner.modality.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log-mel definition against reference values computed independently in NumPy (float64, librosa's
 * {@code filters.mel} formula with {@code htk=False, norm='slaney'}, a periodic Hann window, {@code np.fft.rfft},
 * {@code center=False}) for a fixed 1 s test signal at 16 kHz: two tones and a chirp.
 */
class LogMelSpectrogramsTest {
    private static final LogMelSpectrograms LOG_MEL = LogMelSpectrograms.of(16000, 400, 160, 64);

    /** {mel, bin, weight} of librosa.filters.mel(sr=16000, n_fft=400, n_mels=64). */
    private static final double[][] FILTERBANK = {
        {0, 1, 0.01857444056356846}, {0, 2, 0.005949193729599385},
        {7, 9, 0.016326703073539072}, {7, 10, 0.008196931219628776},
        {20, 24, 0.014665335465500121}, {20, 25, 0.00984590632638227},
        {33, 45, 0.009528106445158927}, {33, 46, 0.008224710262411467},
        {50, 102, 0.0047379154175157655}, {50, 103, 0.004432806475098683},
        {63, 191, 0.0026375267219475485}, {63, 192, 0.002344468197286708},
        {10, 20, 0}, {40, 80, 0}
    };

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

    @Test
    void shouldMatchLibrosasSlaneyFilterbank() {
        MelFilterbank filterbank = new MelFilterbank(16000, 400, 64, 0, 8000);
        assertThat(filterbank.bins()).isEqualTo(201);
        for (double[] w : FILTERBANK) {
            assertThat(filterbank.weight((int) w[0], (int) w[1]))
                    .as("mel %d bin %d", (int) w[0], (int) w[1])
                    .isCloseTo((float) w[2], within(1e-7f));
        }
        assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(2500))).isCloseTo(2500, within(1e-9));
        assertThat(MelFilterbank.hzToMel(1000)).isCloseTo(15, within(1e-12));
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
