package dev.autodidact.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.testing.TestWavs;
import org.junit.jupiter.api.Test;

/** The value types: copies in and out, equality by content, limits checked on construction. */
class PcmValuesTest {
    @Test
    void shouldCopyClipSamplesInAndOut() {
        float[] samples = {0.1f, -0.2f, 0.3f};
        PcmClip clip = new PcmClip(samples, 16_000);

        samples[0] = 9;
        clip.samples()[1] = 9;

        assertThat(clip.samples()).containsExactly(0.1f, -0.2f, 0.3f);
        assertThat(clip.sample(2)).isEqualTo(0.3f);
        assertThat(clip.seconds()).isEqualTo(3 / 16_000.0);
        assertThat(clip).isEqualTo(new PcmClip(new float[] {0.1f, -0.2f, 0.3f}, 16_000));
        assertThat(clip).isNotEqualTo(new PcmClip(new float[] {0.1f, -0.2f, 0.3f}, 8_000));
        assertThat(clip.hashCode()).isEqualTo(new PcmClip(new float[] {0.1f, -0.2f, 0.3f}, 16_000).hashCode());
    }

    @Test
    void shouldCopyAudioChannelsAndCheckTheirLengths() {
        float[][] channels = {{0.5f, 0.25f}, {-0.5f, 0.75f}};
        PcmAudio audio = new PcmAudio(44_100, channels);

        channels[0][0] = 9;
        audio.channel(1)[0] = 9;

        assertThat(audio.channel(0)).containsExactly(0.5f, 0.25f);
        assertThat(audio.channel(1)).containsExactly(-0.5f, 0.75f);
        assertThat(audio.mixDown()).containsExactly(0f, 0.5f);
        assertThat(audio.frames()).isEqualTo(2);
        assertThat(audio.channelCount()).isEqualTo(2);
        assertThatThrownBy(() -> new PcmAudio(8_000, new float[][] {{1f}, {1f, 2f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in length");
        assertThatThrownBy(() -> new PcmAudio(8_000, new float[0][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcmClip(new float[0], 8_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcmClip(new float[1], 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHaveTheDocumentedDefaultLimitsAndRejectEmptyOnes() {
        AudioLimits limits = AudioLimits.defaults();

        assertThat(limits.maxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(limits.maxChannels()).isEqualTo(8);
        assertThat(limits.minSampleRate()).isEqualTo(1_000);
        assertThat(limits.maxSampleRate()).isEqualTo(384_000);
        assertThat(limits.maxSeconds()).isEqualTo(60.0);
        assertThat(limits.withMaxSeconds(5)
                        .withMaxChannels(2)
                        .withSampleRates(8_000, 48_000)
                        .withMaxBytes(10))
                .isEqualTo(new AudioLimits(10, 2, 8_000, 48_000, 5));
        assertThat(limits.acceptsSampleRate(384_000)).isTrue();
        assertThat(limits.acceptsSampleRate(384_001)).isFalse();
        assertThatThrownBy(() -> limits.withSampleRates(48_000, 8_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.withSampleRates(1_000, 2_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.withMaxSeconds(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.withMaxChannels(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldApplyTighterLimitsFromTheHeader() {
        byte[] stereo = TestWavs.pcm16(new float[100], 8_000);
        WavDecoder strict = new WavDecoder(AudioLimits.defaults().withSampleRates(16_000, 48_000));

        assertThatThrownBy(() -> strict.decode(stereo))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("outside 16000..48000 Hz");
    }
}
