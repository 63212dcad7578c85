package dev.autodidact.media.audio.internal;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import java.nio.charset.StandardCharsets;

/**
 * Walks the chunks of a RIFF/WAVE file and finds its {@code fmt } and {@code data} chunks, skipping every other chunk
 * ({@code LIST}, {@code fact}, {@code bext}, ...) and the pad byte after a chunk of odd size.
 *
 * <p>Sizes are read as unsigned 32-bit numbers and checked against the bytes that are really there before anything is
 * read past them: a chunk (or the RIFF header) that claims more bytes than follow is {@link RejectReason#CORRUPT},
 * never an allocation of the claimed size. Bytes after the RIFF body are ignored. A file with two {@code fmt } or two
 * {@code data} chunks is corrupt rather than ambiguous.
 */
public final class RiffChunks {
    private static final int HEADER = 12;
    private static final int CHUNK_HEADER = 8;

    /**
     * Where a chunk's body lies in the file.
     *
     * @param offset index of its first byte
     * @param size its length in bytes
     */
    public record Chunk(int offset, int size) {}

    /**
     * The two chunks a WAV file needs.
     *
     * @param format the {@code fmt } chunk
     * @param data the {@code data} chunk
     */
    public record WaveChunks(Chunk format, Chunk data) {}

    private RiffChunks() {}

    /**
     * @param bytes a whole file
     * @return whether it starts with a RIFF/WAVE header
     */
    public static boolean isWave(byte[] bytes) {
        return bytes.length >= HEADER
                && tag(bytes, 0).equals("RIFF")
                && tag(bytes, 8).equals("WAVE");
    }

    /**
     * @param bytes a whole file that {@link #isWave} accepts
     * @return its {@code fmt } and {@code data} chunks
     * @throws MediaRejectedException ({@link RejectReason#CORRUPT}) if a size runs past the end, a required chunk is
     *     missing, or one appears twice
     */
    public static WaveChunks find(byte[] bytes) {
        long riffSize = LittleEndian.u32(bytes, 4);
        if (riffSize + CHUNK_HEADER > bytes.length) {
            throw corrupt("RIFF header claims " + riffSize + " bytes after it, but the file has only "
                    + (bytes.length - CHUNK_HEADER));
        }
        int end = (int) (riffSize + CHUNK_HEADER);
        Chunk format = null;
        Chunk data = null;
        int at = HEADER;
        while (end - at >= CHUNK_HEADER) {
            String id = tag(bytes, at);
            long size = LittleEndian.u32(bytes, at + 4);
            int body = at + CHUNK_HEADER;
            if (size > end - body) {
                throw corrupt("Chunk '" + printable(id) + "' at byte " + at + " claims " + size + " bytes, but only "
                        + (end - body) + " remain in the RIFF body");
            }
            Chunk chunk = new Chunk(body, (int) size);
            if (id.equals("fmt ")) {
                format = once(format, chunk, id);
            } else if (id.equals("data")) {
                data = once(data, chunk, id);
            }
            at = body + (int) size + (int) (size & 1);
        }
        if (format == null) {
            throw corrupt("WAV file has no 'fmt ' chunk");
        }
        if (data == null) {
            throw corrupt("WAV file has no 'data' chunk");
        }
        return new WaveChunks(format, data);
    }

    private static Chunk once(Chunk seen, Chunk chunk, String id) {
        if (seen != null) {
            throw corrupt("WAV file has two '" + id + "' chunks");
        }
        return chunk;
    }

    private static String tag(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String id) {
        StringBuilder out = new StringBuilder();
        for (char c : id.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }

    private static MediaRejectedException corrupt(String message) {
        return new MediaRejectedException(RejectReason.CORRUPT, message);
    }
}
