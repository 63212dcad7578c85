package dev.autodidact.learner.modality.audio;

import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The canonical audio input as the clean records carry it: mono 16-bit PCM, {@code I16 [T]}, little-endian, and its
 * conversion to float samples in [-1, 1) (divided by 32768, as WAV readers do), the scale every audio feature here is
 * defined on.
 */
public final class Pcm16 {
    /** Float value of one PCM step: samples are {@code pcm / 32768}. */
    public static final float SCALE = 1f / 32768f;

    private Pcm16() {}

    /**
     * @return the samples of {@code array}
     * @throws IllegalArgumentException unless it is {@code I16 [T]}
     */
    public static short[] samples(Tensor array) {
        check(array);
        short[] out = new short[array.dim(0)];
        ByteBuffer.wrap(array.bytes())
                .order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(out);
        return out;
    }

    /** @return {@code samples} as a clean record's {@code I16 [T]} array */
    public static Tensor tensor(short[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples);
        return Tensor.wrap(DType.I16, new int[] {samples.length}, bytes.array());
    }

    /** @throws IllegalArgumentException unless {@code array} is {@code I16 [T]} */
    public static void check(Tensor array) {
        if (array.dtype() != DType.I16 || array.rank() != 1) {
            throw new IllegalArgumentException("Expected mono 16-bit PCM, I16 [T], got " + array);
        }
    }
}
