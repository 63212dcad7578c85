package dev.autodidact.media.audio;

import static dev.autodidact.media.testing.TestWavs.chunk;
import static dev.autodidact.media.testing.TestWavs.chunkClaiming;
import static dev.autodidact.media.testing.TestWavs.fmt;
import static dev.autodidact.media.testing.TestWavs.fmtExtensible;
import static dev.autodidact.media.testing.TestWavs.riff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Headers that lie, and files this project does not take: each goes to a {@link MediaRejectedException} with its
 * reason and a message that says what was wrong, without allocating anything the size of what the header claims.
 */
class WavRejectionTest {
    /** Far less than any sample array a lying header asks for, far more than parsing a header needs. */
    private static final long MAX_ALLOCATED_BYTES = 64 * 1024;

    private static final byte[] SOME_PCM16 = new byte[64];

    static Stream<Arguments> rejections() {
        return Stream.of(
                rejected("no bytes", new byte[0], RejectReason.EMPTY, "no bytes"),
                rejected(
                        "not RIFF",
                        "GIF89a plus some bytes".getBytes(StandardCharsets.US_ASCII),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "Not a RIFF/WAVE"),
                rejected(
                        "RIFF but not WAVE",
                        riffOf("AVI ", fmt(1, 1, 8_000, 2, 16)),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "Not a RIFF/WAVE"),
                rejected(
                        "RIFF size past the end",
                        riffClaiming(1_000_000, fmt(1, 1, 8_000, 2, 16)),
                        RejectReason.CORRUPT,
                        "RIFF header claims 1000000 bytes"),
                rejected(
                        "data chunk claiming 2 GB",
                        riff(fmt(1, 1, 8_000, 2, 16), chunkClaiming("data", 0x8000_0000L, SOME_PCM16)),
                        RejectReason.CORRUPT,
                        "'data' at byte 36 claims 2147483648 bytes"),
                rejected(
                        "data chunk claiming 4 GB - 1",
                        riff(fmt(1, 1, 8_000, 2, 16), chunkClaiming("data", 0xFFFF_FFFFL, SOME_PCM16)),
                        RejectReason.CORRUPT,
                        "claims 4294967295 bytes"),
                rejected(
                        "unknown chunk past the end",
                        riff(fmt(1, 1, 8_000, 2, 16), chunkClaiming("LIST", 1_000, new byte[10])),
                        RejectReason.CORRUPT,
                        "'LIST'"),
                rejected("no fmt chunk", riff(chunk("data", SOME_PCM16)), RejectReason.CORRUPT, "no 'fmt '"),
                rejected("no data chunk", riff(fmt(1, 1, 8_000, 2, 16)), RejectReason.CORRUPT, "no 'data'"),
                rejected(
                        "two data chunks",
                        riff(fmt(1, 1, 8_000, 2, 16), chunk("data", SOME_PCM16), chunk("data", SOME_PCM16)),
                        RejectReason.CORRUPT,
                        "two 'data'"),
                rejected(
                        "short fmt chunk",
                        riff(chunk("fmt ", new byte[14]), chunk("data", SOME_PCM16)),
                        RejectReason.CORRUPT,
                        "fewer than 16"),
                rejected("zero channels", wav(fmt(1, 0, 8_000, 2, 16)), RejectReason.CORRUPT, "0 channels"),
                rejected(
                        "65535 channels of 8 bits",
                        wav(fmt(1, 65_535, 8_000, 65_535, 8)),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "65535 channels, more than the limit of 8"),
                rejected(
                        "65535 channels of 16 bits",
                        wav(fmt(1, 65_535, 8_000, 65_534, 16)),
                        RejectReason.CORRUPT,
                        "block align of 65534 bytes"),
                rejected("block align 0", wav(fmt(1, 1, 8_000, 0, 16)), RejectReason.CORRUPT, "block align of 0"),
                rejected(
                        "block align disagreeing",
                        wav(fmt(1, 2, 8_000, 2, 16)),
                        RejectReason.CORRUPT,
                        "but 2 channels of 16 bits take 4"),
                rejected("zero bits", wav(fmt(1, 1, 8_000, 2, 0)), RejectReason.CORRUPT, "0 bits"),
                rejected("12-bit PCM", wav(fmt(1, 1, 8_000, 2, 12)), RejectReason.UNSUPPORTED_FORMAT, "12-bit PCM"),
                rejected("16-bit float", wav(fmt(3, 1, 8_000, 2, 16)), RejectReason.UNSUPPORTED_FORMAT, "16-bit float"),
                rejected("ADPCM", wav(fmt(2, 1, 8_000, 2, 16)), RejectReason.UNSUPPORTED_FORMAT, "tag 0x0002"),
                rejected("MP3 in WAV", wav(fmt(0x55, 1, 8_000, 2, 16)), RejectReason.UNSUPPORTED_FORMAT, "0x0055"),
                rejected(
                        "extensible A-law",
                        wav(fmtExtensible(6, 1, 8_000, 16, 16)),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "sub-format 0x0006"),
                rejected(
                        "extensible foreign GUID",
                        wav(foreignGuid()),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "not a PCM or float GUID"),
                rejected(
                        "extensible too short",
                        wav(chunk("fmt ", Arrays.copyOfRange(fmtExtensible(1, 1, 8_000, 16, 16), 8, 8 + 24))),
                        RejectReason.CORRUPT,
                        "extensible"),
                rejected(
                        "extensible valid bits over container",
                        wav(fmtExtensible(1, 1, 8_000, 16, 24)),
                        RejectReason.CORRUPT,
                        "24 valid bits in a 16-bit container"),
                rejected("zero sample rate", wav(fmt(1, 1, 0, 2, 16)), RejectReason.CORRUPT, "0 Hz"),
                rejected(
                        "sample rate too low",
                        wav(fmt(1, 1, 500, 2, 16)),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "500 Hz is outside 1000..384000"),
                rejected(
                        "sample rate too high",
                        wav(fmt(1, 1, 400_000, 2, 16)),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "400000 Hz"),
                rejected(
                        "sample rate 4 GHz",
                        wav(fmt(1, 1, -1, 2, 16)),
                        RejectReason.UNSUPPORTED_FORMAT,
                        "4294967295 Hz"),
                rejected(
                        "less than one frame",
                        riff(fmt(1, 2, 8_000, 4, 16), chunk("data", new byte[3])),
                        RejectReason.EMPTY,
                        "no whole frame"),
                rejected(
                        "61 seconds",
                        riff(fmt(1, 1, 1_000, 1, 8), chunk("data", new byte[61_000])),
                        RejectReason.TOO_LONG,
                        "lasts 61.0 s, longer than the limit of 60.0 s"),
                rejected(
                        "non-finite float",
                        riff(fmt(3, 1, 8_000, 4, 32), chunk("data", nanFloat())),
                        RejectReason.CORRUPT,
                        "not a finite number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void shouldRejectWithReasonAndWithoutLargeAllocation(String what, byte[] wav, RejectReason reason, String message) {
        catchThrowableOfType(MediaRejectedException.class, () -> new WavDecoder().decode(wav));
        long before = allocatedBytes();

        MediaRejectedException rejected =
                catchThrowableOfType(MediaRejectedException.class, () -> new WavDecoder().decode(wav));

        long allocated = allocatedBytes() - before;
        assertThat(rejected).as(what).isNotNull();
        assertThat(rejected.reason()).as(what).isEqualTo(reason);
        assertThat(rejected).as(what).hasMessageContaining(message);
        assertThat(allocated).as("bytes allocated rejecting %s", what).isLessThan(MAX_ALLOCATED_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void shouldRejectOverLimitsFromTheHeaderWhenLimitsAreTight(String what, byte[] wav, RejectReason reason) {
        WavDecoder tight = new WavDecoder(AudioLimits.defaults().withMaxBytes(50));

        MediaRejectedException rejected = catchThrowableOfType(MediaRejectedException.class, () -> tight.decode(wav));

        assertThat(rejected.reason()).as(what).isEqualTo(wav.length > 50 ? RejectReason.TOO_MANY_BYTES : reason);
    }

    private static Arguments rejected(String what, byte[] wav, RejectReason reason, String message) {
        return Arguments.of(what, wav, reason, message);
    }

    private static byte[] wav(byte[] fmtChunk) {
        return riff(fmtChunk, chunk("data", SOME_PCM16));
    }

    private static byte[] riffOf(String form, byte[] chunk) {
        byte[] wav = riff(chunk);
        System.arraycopy(form.getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 4);
        return wav;
    }

    private static byte[] riffClaiming(long size, byte[] chunk) {
        byte[] wav = riff(chunk);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(4, (int) size);
        return wav;
    }

    private static byte[] foreignGuid() {
        byte[] chunk = fmtExtensible(1, 1, 8_000, 16, 16);
        chunk[chunk.length - 1] = 0x72;
        return chunk;
    }

    private static byte[] nanFloat() {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(0.5f)
                .putFloat(Float.NaN)
                .array();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
