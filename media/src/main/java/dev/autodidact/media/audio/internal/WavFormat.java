package dev.autodidact.media.audio.internal;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import java.util.Locale;

/**
 * The {@code fmt } chunk of a WAV file, checked for consistency: what the samples in its {@code data} chunk are.
 *
 * <p>Accepted: format tag 1 (PCM) with 8-bit unsigned or 16-, 24- or 32-bit signed samples, tag 3 (IEEE float) with
 * 32- or 64-bit samples, and tag {@code 0xFFFE} (WAVE_FORMAT_EXTENSIBLE) whose sub-format GUID is PCM or IEEE float,
 * decoded by its container size ({@code wBitsPerSample}; the valid bits of a left-justified sample need no shift). The
 * block align must equal {@code channels * bits / 8}; a byte rate that disagrees is ignored, since nothing is read by
 * it and writers often get it wrong.
 *
 * @param encoding how each sample is stored
 * @param channels channels per frame, at least 1
 * @param sampleRate frames per second, as the header says (not yet checked against limits)
 * @param blockAlign bytes per frame
 */
public record WavFormat(SampleEncoding encoding, int channels, long sampleRate, int blockAlign) {
    private static final int TAG_PCM = 1;
    private static final int TAG_FLOAT = 3;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    private static final int PLAIN_SIZE = 16;
    private static final int EXTENSIBLE_SIZE = 40;
    /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE_PCM and _IEEE_FLOAT GUIDs, after the format code. */
    private static final byte[] GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    /**
     * @param bytes the whole file
     * @param chunk the {@code fmt } chunk's body
     * @return the format it describes
     * @throws MediaRejectedException {@link RejectReason#CORRUPT} for a short chunk, zero channels, a zero rate, zero
     *     bits or a block align that disagrees; {@link RejectReason#UNSUPPORTED_FORMAT} for another tag, sub-format or
     *     sample size
     */
    public static WavFormat parse(byte[] bytes, RiffChunks.Chunk chunk) {
        if (chunk.size() < PLAIN_SIZE) {
            throw corrupt("The 'fmt ' chunk has " + chunk.size() + " bytes, fewer than " + PLAIN_SIZE);
        }
        int at = chunk.offset();
        int headerTag = LittleEndian.u16(bytes, at);
        int channels = LittleEndian.u16(bytes, at + 2);
        long sampleRate = LittleEndian.u32(bytes, at + 4);
        int blockAlign = LittleEndian.u16(bytes, at + 12);
        int bits = LittleEndian.u16(bytes, at + 14);
        int tag = headerTag == TAG_EXTENSIBLE ? subFormat(bytes, chunk, bits) : headerTag;
        if (tag != TAG_PCM && tag != TAG_FLOAT) {
            throw new MediaRejectedException(
                    RejectReason.UNSUPPORTED_FORMAT,
                    String.format(
                            Locale.ROOT,
                            "WAV format tag 0x%04x is not PCM (1), IEEE float (3) or extensible PCM/float",
                            tag));
        }
        if (channels == 0) {
            throw corrupt("WAV header gives 0 channels");
        }
        if (sampleRate == 0) {
            throw corrupt("WAV header gives a sample rate of 0 Hz");
        }
        if (bits == 0) {
            throw corrupt("WAV header gives 0 bits per sample");
        }
        SampleEncoding encoding = SampleEncoding.of(tag == TAG_FLOAT, bits)
                .orElseThrow(() -> new MediaRejectedException(
                        RejectReason.UNSUPPORTED_FORMAT,
                        bits + "-bit " + (tag == TAG_FLOAT ? "float" : "PCM")
                                + " samples are not supported (PCM: 8, 16, 24, 32 bits; float: 32, 64 bits)"));
        if (blockAlign == 0) {
            throw corrupt("WAV header gives a block align of 0 bytes");
        }
        if (blockAlign != channels * encoding.bytes()) {
            throw corrupt("WAV header gives a block align of " + blockAlign + " bytes, but " + channels
                    + " channels of " + bits + " bits take " + channels * encoding.bytes());
        }
        return new WavFormat(encoding, channels, sampleRate, blockAlign);
    }

    private static int subFormat(byte[] bytes, RiffChunks.Chunk chunk, int bits) {
        int at = chunk.offset();
        if (chunk.size() < EXTENSIBLE_SIZE || LittleEndian.u16(bytes, at + 16) < EXTENSIBLE_SIZE - 18) {
            throw corrupt("The extensible 'fmt ' chunk has " + chunk.size() + " bytes, fewer than " + EXTENSIBLE_SIZE
                    + ", or too small an extension");
        }
        int validBits = LittleEndian.u16(bytes, at + 18);
        if (validBits > bits) {
            throw corrupt("WAV header gives " + validBits + " valid bits in a " + bits + "-bit container");
        }
        int code = LittleEndian.u16(bytes, at + 24);
        for (int i = 0; i < GUID_TAIL.length; i++) {
            if (bytes[at + 26 + i] != GUID_TAIL[i]) {
                throw new MediaRejectedException(
                        RejectReason.UNSUPPORTED_FORMAT, "WAV extensible sub-format is not a PCM or float GUID");
            }
        }
        if (code != TAG_PCM && code != TAG_FLOAT) {
            throw new MediaRejectedException(
                    RejectReason.UNSUPPORTED_FORMAT,
                    String.format(
                            Locale.ROOT, "WAV extensible sub-format 0x%04x is not PCM (1) or IEEE float (3)", code));
        }
        return code;
    }

    private static MediaRejectedException corrupt(String message) {
        return new MediaRejectedException(RejectReason.CORRUPT, message);
    }
}
