package dev.autodidact.schema.example;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One named array of an {@link Example}: element type, shape (row-major) and the little-endian bytes of its elements.
 * Immutable; the factories copy their input.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final byte[] data;

    private Tensor(DType dtype, int[] shape, byte[] data) {
        long count = elementCount(shape);
        if (count > Integer.MAX_VALUE / dtype.bytes()) {
            throw new IllegalArgumentException("Array of shape " + Arrays.toString(shape) + " and type " + dtype
                    + " has too many elements for one array");
        }
        if (count * dtype.bytes() != data.length) {
            throw new IllegalArgumentException("Array of shape " + Arrays.toString(shape) + " and type " + dtype
                    + " needs " + count * dtype.bytes() + " bytes, got " + data.length);
        }
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /** An array over {@code data}, which is taken as is (not copied): for decoders that just allocated it. */
    public static Tensor wrap(DType dtype, int[] shape, byte[] data) {
        return new Tensor(dtype, shape.clone(), data);
    }

    public static Tensor u8(int[] shape, byte[] values) {
        return new Tensor(DType.U8, shape.clone(), values.clone());
    }

    public static Tensor f32(int[] shape, float[] values) {
        ByteBuffer buf = buffer(values.length * 4);
        buf.asFloatBuffer().put(values);
        return new Tensor(DType.F32, shape.clone(), buf.array());
    }

    public static Tensor i32(int[] shape, int[] values) {
        ByteBuffer buf = buffer(values.length * 4);
        buf.asIntBuffer().put(values);
        return new Tensor(DType.I32, shape.clone(), buf.array());
    }

    public static Tensor i64(int[] shape, long[] values) {
        ByteBuffer buf = buffer(values.length * 8);
        buf.asLongBuffer().put(values);
        return new Tensor(DType.I64, shape.clone(), buf.array());
    }

    /** A scalar int32 (shape {@code []}), e.g. a class index or a length. */
    public static Tensor scalar(int value) {
        return i32(new int[0], new int[] {value});
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return the number of elements of {@code shape}: 0 if any dimension is 0, whatever the others
     * @throws IllegalArgumentException for a negative dimension, or a product over {@link Long#MAX_VALUE}
     */
    public static long elementCount(int[] shape) {
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Negative dimension in " + Arrays.toString(shape));
            }
            if (d == 0) {
                count = 0;
            }
        }
        for (int d : shape) {
            if (count != 0 && count > Long.MAX_VALUE / d) {
                throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " has too many elements");
            }
            count *= d;
        }
        return count;
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public long size() {
        return elementCount(shape);
    }

    /** The little-endian element bytes (not a copy: do not modify). */
    public byte[] bytes() {
        return data;
    }

    public float[] floats() {
        require(DType.F32);
        float[] out = new float[data.length / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public int[] ints() {
        require(DType.I32);
        int[] out = new int[data.length / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    public long[] longs() {
        require(DType.I64);
        long[] out = new long[data.length / 8];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    private void require(DType expected) {
        if (dtype != expected) {
            throw new IllegalStateException("Array is " + dtype + ", not " + expected);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t
                && t.dtype == dtype
                && Arrays.equals(t.shape, shape)
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
