package dev.autodidact.media.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds WAV bytes and test signals: a small writer for every sample format the decoder reads (PCM 8/16/24/32-bit,
 * float 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE), the pieces of a RIFF file for headers that lie, sine tones and
 * the measures to compare signals by.
 */
public final class TestWavs {
    /** Sample formats the writer can produce. */
    public enum Format {
        PCM8(1, 8),
        PCM16(1, 16),
        PCM24(1, 24),
        PCM32(1, 32),
        FLOAT32(3, 32),
        FLOAT64(3, 64);

        private final int tag;
        private final int bits;

        Format(int tag, int bits) {
            this.tag = tag;
            this.bits = bits;
        }

        public int tag() {
            return tag;
        }

        public int bits() {
            return bits;
        }

        /** @return the value the decoder should give for {@code x} once this format has quantised it */
        public float quantised(float x) {
            return switch (this) {
                case PCM8, PCM16, PCM24, PCM32 -> (float) (integer(x) / Math.pow(2, bits - 1));
                case FLOAT32, FLOAT64 -> x;
            };
        }

        long integer(float x) {
            double full = Math.pow(2, bits - 1);
            return (long) Math.max(-full, Math.min(full - 1, Math.round(x * full)));
        }
    }

    private TestWavs() {}

    /** A 16-bit mono WAV file. */
    public static byte[] pcm16(float[] mono, int rate) {
        return wav(Format.PCM16, rate, mono);
    }

    /** A plain (tag 1 or 3) WAV file, channels planar in, interleaved out. */
    public static byte[] wav(Format format, int rate, float[]... channels) {
        return riff(
                fmt(format.tag(), channels.length, rate, channels.length * format.bits() / 8, format.bits()),
                chunk("data", samples(format, channels)));
    }

    /** A WAVE_FORMAT_EXTENSIBLE file whose sub-format is {@code format}'s tag. */
    public static byte[] extensible(Format format, int rate, float[]... channels) {
        return riff(
                fmtExtensible(format.tag(), channels.length, rate, format.bits(), format.bits()),
                chunk("data", samples(format, channels)));
    }

    /** The interleaved, little-endian samples of {@code channels}. */
    public static byte[] samples(Format format, float[]... channels) {
        int frames = channels[0].length;
        ByteBuffer out = ByteBuffer.allocate(frames * channels.length * format.bits() / 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                float x = channel[i];
                switch (format) {
                    case PCM8 -> out.put((byte) (format.integer(x) + 128));
                    case PCM16 -> out.putShort((short) format.integer(x));
                    case PCM24 -> {
                        long v = format.integer(x);
                        out.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                    }
                    case PCM32 -> out.putInt((int) format.integer(x));
                    case FLOAT32 -> out.putFloat(x);
                    case FLOAT64 -> out.putDouble(x);
                }
            }
        }
        return out.array();
    }

    /** A RIFF/WAVE file of these chunks, its RIFF size correct. */
    public static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("RIFF"));
        out.writeBytes(u32(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A chunk with its true size and, after an odd size, the pad byte. */
    public static byte[] chunk(String id, byte[] body) {
        return chunkClaiming(id, body.length, body, body.length % 2 == 1);
    }

    /** A chunk whose header claims {@code claimedSize} bytes, whatever the body holds; no pad byte. */
    public static byte[] chunkClaiming(String id, long claimedSize, byte[] body) {
        return chunkClaiming(id, claimedSize, body, false);
    }

    private static byte[] chunkClaiming(String id, long claimedSize, byte[] body, boolean pad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(id));
        out.writeBytes(u32(claimedSize));
        out.writeBytes(body);
        if (pad) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A 16-byte {@code fmt } chunk with these fields as given (the byte rate computed from them). */
    public static byte[] fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign);
        body.putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", body.array());
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE {@code fmt } chunk with sub-format {@code subTag} (1 PCM, 3 float). */
    public static byte[] fmtExtensible(int subTag, int channels, int rate, int bits, int validBits) {
        ByteBuffer body = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * bits / 8;
        body.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * blockAlign);
        body.putShort((short) blockAlign).putShort((short) bits);
        body.putShort((short) 22).putShort((short) validBits).putInt(channels == 2 ? 3 : 4);
        body.putShort((short) subTag);
        body.put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", body.array());
    }

    /** A sine of {@code hz} at {@code rate}, {@code amplitude} peak. */
    public static float[] tone(double hz, int rate, int samples, double amplitude) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    /** Root mean square of {@code x[from, to)}. */
    public static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** Root mean square of {@code x}. */
    public static double rms(float[] x) {
        return rms(x, 0, x.length);
    }

    /** {@code 20 log10(a / b)}. */
    public static double db(double a, double b) {
        return 20 * Math.log10(a / b);
    }

    private static byte[] u32(long value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) value)
                .array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
