package dev.autodidact.media.audio;

import static dev.autodidact.media.testing.TestWavs.chunk;
import static dev.autodidact.media.testing.TestWavs.fmt;
import static dev.autodidact.media.testing.TestWavs.riff;
import static dev.autodidact.media.testing.TestWavs.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.testing.TestWavs;
import dev.autodidact.media.testing.TestWavs.Format;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavDecoderTest {
    private static final float[] VALUES = {0f, 0.5f, -0.5f, -1f, 0.999f, 0.25f, -0.123456f, 0.0001f};
    private static final WavDecoder DECODER = new WavDecoder();

    private static float[] quantised(Format format, float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = format.quantised(values[i]);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void shouldDecodeEverySampleFormatToTheQuantisedValues(Format format) {
        PcmAudio audio = DECODER.decode(TestWavs.wav(format, 22_050, VALUES));

        assertThat(audio.sampleRate()).isEqualTo(22_050);
        assertThat(audio.channelCount()).isEqualTo(1);
        assertThat(audio.channel(0)).containsExactly(quantised(format, VALUES));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void shouldDecodeExtensibleFormatLikeThePlainOne(Format format) {
        PcmAudio audio = DECODER.decode(TestWavs.extensible(format, 48_000, VALUES, VALUES));

        assertThat(audio.channelCount()).isEqualTo(2);
        assertThat(audio.channel(1)).containsExactly(quantised(format, VALUES));
        assertThat(audio).isEqualTo(DECODER.decode(TestWavs.wav(format, 48_000, VALUES, VALUES)));
    }

    @Test
    void shouldDecodeEightBitSamplesAsUnsignedAroundOneHundredTwentyEight() {
        byte[] wav = riff(fmt(1, 1, 8_000, 1, 8), chunk("data", new byte[] {0, (byte) 128, (byte) 255, 64}));

        assertThat(DECODER.decode(wav).channel(0)).containsExactly(-1f, 0f, 127 / 128f, -0.5f);
    }

    @Test
    void shouldDecodeFullScaleIntegersToMinusOneAndJustUnderOne() {
        byte[] pcm24 = riff(
                fmt(1, 1, 8_000, 3, 24), chunk("data", new byte[] {0, 0, (byte) 0x80, (byte) 0xFF, (byte) 0xFF, 0x7F}));
        byte[] pcm32 = riff(
                fmt(1, 1, 8_000, 4, 32),
                chunk("data", new byte[] {0, 0, 0, (byte) 0x80, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}));

        assertThat(DECODER.decode(pcm24).channel(0)).containsExactly(-1f, 8_388_607 / 8_388_608f);
        assertThat(DECODER.decode(pcm32).channel(0)).containsExactly(-1f, (float) (2_147_483_647 / 2_147_483_648.0));
    }

    @Test
    void shouldClampFloatSamplesOutsideFullScale() {
        float[] loud = {1.5f, -3f, 0.75f};

        assertThat(DECODER.decode(TestWavs.wav(Format.FLOAT32, 16_000, loud)).channel(0))
                .containsExactly(1f, -1f, 0.75f);
        assertThat(DECODER.decode(TestWavs.wav(Format.FLOAT64, 16_000, loud)).channel(0))
                .containsExactly(1f, -1f, 0.75f);
    }

    @Test
    void shouldKeepChannelsApartAndMixThemDownToTheirMean() {
        float[] left = {0.5f, -0.25f, 1f, 0f};
        float[] right = {0.25f, 0.25f, -1f, 0.5f};

        PcmAudio audio = DECODER.decode(TestWavs.wav(Format.PCM16, 44_100, left, right));

        assertThat(audio.channelCount()).isEqualTo(2);
        assertThat(audio.frames()).isEqualTo(4);
        assertThat(audio.channel(0)).containsExactly(quantised(Format.PCM16, left));
        assertThat(audio.channel(1)).containsExactly(quantised(Format.PCM16, right));
        assertThat(audio.mixDown()).containsExactly(0.375f, 0f, (32_767 / 32_768f - 1f) / 2, 0.25f);
    }

    @Test
    void shouldSkipUnknownChunksAndTheirPadBytesAnywhere() {
        byte[] data = samples(Format.PCM16, VALUES);
        byte[] wav = riff(
                chunk("JUNK", new byte[] {1, 2, 3}),
                chunk("data", data),
                chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 9}),
                fmt(1, 1, 16_000, 2, 16),
                chunk("fact", new byte[] {8, 0, 0, 0}));

        assertThat(DECODER.decode(wav).channel(0)).containsExactly(quantised(Format.PCM16, VALUES));
    }

    @Test
    void shouldIgnoreBytesAfterTheRiffBody() {
        byte[] wav = TestWavs.pcm16(VALUES, 16_000);
        byte[] trailing = Arrays.copyOf(wav, wav.length + 7);

        assertThat(DECODER.decode(trailing)).isEqualTo(DECODER.decode(wav));
    }

    @Test
    void shouldTruncateDataToWholeFrames() {
        byte[] data = samples(Format.PCM16, VALUES, VALUES);
        byte[] cut = Arrays.copyOf(data, data.length - 3);

        PcmAudio audio = DECODER.decode(riff(fmt(1, 2, 16_000, 4, 16), chunk("data", cut)));

        assertThat(audio.frames()).isEqualTo(VALUES.length - 1);
        assertThat(audio.channel(1)).containsExactly(Arrays.copyOf(quantised(Format.PCM16, VALUES), 7));
    }

    @Test
    void shouldDecodeSpokenDigitLikeJavaSound() throws Exception {
        byte[] wav;
        try (InputStream in = getClass().getResourceAsStream("/audio/0_george_10.wav")) {
            wav = in.readAllBytes();
        }

        PcmAudio audio = DECODER.decode(wav);

        try (AudioInputStream stream = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = stream.getFormat();
            assertThat(audio.sampleRate())
                    .isEqualTo((int) format.getSampleRate())
                    .isEqualTo(8_000);
            assertThat(audio.channelCount()).isEqualTo(format.getChannels()).isEqualTo(1);
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.isBigEndian()).isFalse();
            ByteBuffer pcm = ByteBuffer.wrap(stream.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] expected = new float[pcm.remaining() / 2];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = pcm.getShort() / 32_768f;
            }
            assertThat(expected).hasSize(5_958);
            assertThat(audio.channel(0)).containsExactly(expected);
        }
        assertThat(audio.seconds()).isBetween(0.74, 0.75);
    }

    @Test
    void shouldRecogniseWavBytes() {
        assertThat(WavDecoder.isWav(TestWavs.pcm16(VALUES, 8_000))).isTrue();
        assertThat(WavDecoder.isWav(new byte[] {'R', 'I', 'F', 'F'})).isFalse();
        assertThat(WavDecoder.isWav(null)).isFalse();
    }
}
