package dev.autodidact.media.audio.internal;

import java.util.Optional;

/**
 * How one sample of a WAV {@code data} chunk is stored, and how it becomes a float in {@code [-1, 1]}: integers are
 * divided by {@code 2^(bits-1)} (8-bit samples are unsigned, centred on 128), so full scale maps to -1 and just under
 * +1, as {@code javax.sound} and librosa do; floats are clamped to {@code [-1, 1]}.
 */
public enum SampleEncoding {
    /** 8-bit unsigned PCM. */
    PCM_U8(1),
    /** 16-bit signed PCM. */
    PCM_S16(2),
    /** 24-bit signed PCM. */
    PCM_S24(3),
    /** 32-bit signed PCM. */
    PCM_S32(4),
    /** 32-bit IEEE float. */
    FLOAT32(4),
    /** 64-bit IEEE float. */
    FLOAT64(8);

    private final int bytes;

    SampleEncoding(int bytes) {
        this.bytes = bytes;
    }

    /** @return bytes per sample */
    public int bytes() {
        return bytes;
    }

    /**
     * @param isFloat whether the format tag is IEEE float
     * @param bits bits per sample from the header
     * @return the encoding, or empty if this combination is not supported
     */
    public static Optional<SampleEncoding> of(boolean isFloat, int bits) {
        if (isFloat) {
            return switch (bits) {
                case 32 -> Optional.of(FLOAT32);
                case 64 -> Optional.of(FLOAT64);
                default -> Optional.empty();
            };
        }
        return switch (bits) {
            case 8 -> Optional.of(PCM_U8);
            case 16 -> Optional.of(PCM_S16);
            case 24 -> Optional.of(PCM_S24);
            case 32 -> Optional.of(PCM_S32);
            default -> Optional.empty();
        };
    }

    /**
     * @param bytes the file
     * @param at index of the sample's first byte
     * @return the sample as a float in {@code [-1, 1]}, or NaN if a float sample is not finite
     */
    public float read(byte[] bytes, int at) {
        return switch (this) {
            case PCM_U8 -> ((bytes[at] & 0xFF) - 128) / 128f;
            case PCM_S16 -> LittleEndian.s16(bytes, at) / 32_768f;
            case PCM_S24 -> LittleEndian.s24(bytes, at) / 8_388_608f;
            case PCM_S32 -> (float) (LittleEndian.s32(bytes, at) / 2_147_483_648.0);
            case FLOAT32 -> clamp(Float.intBitsToFloat(LittleEndian.s32(bytes, at)));
            case FLOAT64 -> clamp(Double.longBitsToDouble(LittleEndian.s64(bytes, at)));
        };
    }

    private static float clamp(double value) {
        if (!Double.isFinite(value)) {
            return Float.NaN;
        }
        return (float) Math.max(-1.0, Math.min(1.0, value));
    }
}
