package dev.autodidact.media.audio.internal;

/** Little-endian reads from a byte array, the byte order of every RIFF field and WAV sample. */
final class LittleEndian {
    private LittleEndian() {}

    /** @return the unsigned 16-bit number at {@code at} */
    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /** @return the signed 16-bit number at {@code at} */
    static int s16(byte[] b, int at) {
        return (short) u16(b, at);
    }

    /** @return the signed 24-bit number at {@code at} */
    static int s24(byte[] b, int at) {
        return ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | b[at + 2] << 16);
    }

    /** @return the signed 32-bit number at {@code at} */
    static int s32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
    }

    /** @return the unsigned 32-bit number at {@code at} */
    static long u32(byte[] b, int at) {
        return s32(b, at) & 0xFFFF_FFFFL;
    }

    /** @return the signed 64-bit number at {@code at} */
    static long s64(byte[] b, int at) {
        return (s32(b, at) & 0xFFFF_FFFFL) | (long) s32(b, at + 4) << 32;
    }
}
