package dev.autodidact.media.audio;

import static dev.autodidact.media.testing.TestWavs.db;
import static dev.autodidact.media.testing.TestWavs.rms;
import static dev.autodidact.media.testing.TestWavs.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import dev.autodidact.media.testing.TestWavs;
import dev.autodidact.media.testing.TestWavs.Format;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AudioCanonicalizerTest {
    private static final AudioCanonicalizer DEFAULTS = new AudioCanonicalizer();

    @Test
    void shouldMixResampleAndKeepTheFirstSecondOfALongerStereoFile() {
        float[] left = tone(1_000, 44_100, 88_200, 0.5);
        float[] right = left.clone();
        for (int i = 44_100; i < right.length; i++) {
            left[i] = 0;
            right[i] = 0;
        }

        PcmClip clip = DEFAULTS.canonicalize(TestWavs.wav(Format.FLOAT32, 44_100, left, right));

        assertThat(clip.sampleRate()).isEqualTo(16_000);
        assertThat(clip.length()).isEqualTo(16_000);
        float[] samples = clip.samples();
        float[] expected = tone(1_000, 16_000, 16_000, 0.5);
        for (int i = 200; i < 15_800; i++) {
            assertThat(samples[i]).as("sample %d", i).isCloseTo(expected[i], within(2e-3f));
        }
    }

    @Test
    void shouldPadAShorterFileWithSilenceAtTheEnd() {
        byte[] wav = TestWavs.pcm16(tone(440, 8_000, 4_000, 0.3), 8_000);

        float[] samples = DEFAULTS.canonicalize(wav).samples();

        assertThat(samples).hasSize(16_000);
        assertThat(db(rms(samples, 100, 7_900), 0.3 / Math.sqrt(2))).isCloseTo(0, within(0.1));
        assertThat(Arrays.copyOfRange(samples, 8_000, 16_000)).containsOnly(0f);
    }

    @Test
    void shouldAverageChannelsSoOppositeChannelsCancel() {
        float[] left = tone(300, 16_000, 16_000, 0.5);
        float[] right = left.clone();
        for (int i = 0; i < right.length; i++) {
            right[i] = -right[i];
        }

        float[] samples = DEFAULTS.canonicalize(TestWavs.wav(Format.FLOAT32, 16_000, left, right))
                .samples();

        assertThat(samples).containsOnly(0f);
    }

    @Test
    void shouldCanonicalizeSpokenDigitTo16KilohertzSecond() throws Exception {
        byte[] wav;
        try (InputStream in = getClass().getResourceAsStream("/audio/0_george_10.wav")) {
            wav = in.readAllBytes();
        }
        PcmAudio decoded = DEFAULTS.decoder().decode(wav);

        PcmClip clip = DEFAULTS.canonicalize(wav);

        assertThat(clip.length()).isEqualTo(16_000);
        float[] samples = clip.samples();
        assertThat(Arrays.copyOfRange(samples, 11_916, 16_000)).containsOnly(0f);
        double before = rms(decoded.channel(0));
        double after = rms(samples, 0, 11_916);
        assertThat(db(after, before)).as("level change").isCloseTo(0, within(0.5));
    }

    @Test
    void shouldHonourConfiguredRateAndLength() {
        AudioCanonicalizer canonicalizer = new AudioCanonicalizer(new WavDecoder(), 8_000, 0.5);

        PcmClip clip = canonicalizer.canonicalize(TestWavs.pcm16(tone(500, 22_050, 22_050, 0.5), 22_050));

        assertThat(clip.sampleRate()).isEqualTo(8_000);
        assertThat(clip.length()).isEqualTo(4_000).isEqualTo(canonicalizer.clipSamples());
    }

    @Test
    void shouldPassRejectionsThrough() {
        assertThatThrownBy(() -> DEFAULTS.canonicalize(new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_FORMAT));
    }

    @Test
    void shouldRoundTripSixteenBitPcmExactly() {
        short[] pcm = {0, 1, -1, 12_345, Short.MAX_VALUE, Short.MIN_VALUE};

        PcmClip clip = AudioCanonicalizer.fromPcm16(pcm, 16_000);

        assertThat(AudioCanonicalizer.toPcm16(clip)).containsExactly(pcm);
        assertThat(clip.samples())
                .containsExactly(0f, 1 / 32_768f, -1 / 32_768f, 12_345 / 32_768f, 32_767 / 32_768f, -1f);
        byte[] bytes = AudioCanonicalizer.toPcm16Bytes(clip);
        assertThat(bytes).hasSize(12).startsWith(0, 0, 1, 0, (byte) 0xFF, (byte) 0xFF);
        assertThat(AudioCanonicalizer.fromPcm16(bytes, 16_000)).isEqualTo(clip);
    }

    @Test
    void shouldClampToSixteenBitRange() {
        PcmClip loud = new PcmClip(new float[] {1f, -1.5f, 2f, 0.5f}, 16_000);

        assertThat(AudioCanonicalizer.toPcm16(loud))
                .containsExactly(Short.MAX_VALUE, Short.MIN_VALUE, Short.MAX_VALUE, (short) 16_384);
    }

    @Test
    void shouldRejectBadArguments() {
        assertThatThrownBy(() -> AudioCanonicalizer.fromPcm16(new byte[3], 16_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
        assertThatThrownBy(() -> new AudioCanonicalizer(new WavDecoder(), 500, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample rate");
        assertThatThrownBy(() -> new AudioCanonicalizer(new WavDecoder(), 16_000, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clip length");
        assertThatThrownBy(() -> new AudioCanonicalizer(new WavDecoder(), 16_000, 61))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clip length");
    }
}
