package dev.autodidact.streams;

import dev.autodidact.media.testing.TestWavs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Recordings for the audio tests: four real spoken digits of the Free Spoken Digit Dataset (8 kHz, 16-bit mono, under
 * a second; {@code src/test/resources/audio/README.md}) and WAV files whose headers lie.
 */
final class TestAudio {
    /** The FSDD files under {@code /audio/}, in the order the tests feed them. */
    static final List<String> FSDD = List.of("1_jackson_5.wav", "5_lucas_12.wav", "8_nicolas_20.wav", "9_theo_30.wav");

    private TestAudio() {}

    /** @return the bytes of {@code /audio/<name>} */
    static byte[] fsdd(String name) {
        try (InputStream in = TestAudio.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource /audio/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a 16-bit mono WAV whose data chunk claims a gigabyte but holds 200 samples: reason corrupt */
    static byte[] lyingDataSize() {
        byte[] samples = TestWavs.samples(TestWavs.Format.PCM16, TestWavs.tone(440, 8_000, 200, 0.5));
        return TestWavs.riff(TestWavs.fmt(1, 1, 8_000, 2, 16), TestWavs.chunkClaiming("data", 1L << 30, samples));
    }

    /** @return a WAV whose header claims 65,535 channels of 8 bits: reason unsupported-format */
    static byte[] absurdChannels() {
        return TestWavs.riff(TestWavs.fmt(1, 65_535, 8_000, 65_535, 8), TestWavs.chunk("data", new byte[400]));
    }

    /** @return a WAV whose block align is zero: reason corrupt */
    static byte[] zeroBlockAlign() {
        return TestWavs.riff(TestWavs.fmt(1, 1, 8_000, 0, 16), TestWavs.chunk("data", new byte[400]));
    }
}
