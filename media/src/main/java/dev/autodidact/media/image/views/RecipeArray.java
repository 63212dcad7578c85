package dev.autodidact.media.image.views;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One named array a recipe draws next to its views: a patch mask, the order of the visible patches, a rotation or
 * permutation index, the image before corruption. {@code media} depends on no other module, so this is its own small
 * value type rather than the schema's {@code Tensor}; the stream-app and the learner copy it into one by its
 * {@link #type()}, {@link #shape()} and data. Immutable: the factories and accessors copy. The audio recipes
 * ({@code media.audio.views}) draw all their arrays, views included, as these.
 *
 * <p>The names are those of the example contract: {@value #MASK}, {@value #MASK_INDEX} and {@value #TARGET}, the
 * same words as the schema's {@code ArrayNames}.
 */
public final class RecipeArray {
    /** A mask over patches or pixels, 1 = masked or erased. */
    public static final String MASK = "mask";
    /** The patch indices, visible ones first. */
    public static final String MASK_INDEX = "mask.index";
    /** What the method predicts. */
    public static final String TARGET = "target";

    /** Element types a recipe's arrays have, named as the schema's {@code DType} names them. */
    public enum ElementType {
        /** Unsigned bytes. */
        U8(1),
        /** 32-bit signed integers. */
        I32(4),
        /** 32-bit floats. */
        F32(4);

        private final int bytes;

        ElementType(int bytes) {
            this.bytes = bytes;
        }

        /** @return the size of one element in bytes */
        public int bytes() {
            return bytes;
        }
    }

    /**
     * What an array will look like before any image arrives: what a configuration sizes records by.
     *
     * @param name the array's name
     * @param type its element type
     * @param shape its dimensions, row-major
     */
    public record Layout(String name, ElementType type, List<Integer> shape) {
        /** Copies the shape and checks that every dimension is positive. */
        public Layout {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            shape = List.copyOf(shape);
            elementCount(shape.stream().mapToInt(Integer::intValue).toArray());
        }

        /** @return the bytes of the array's elements */
        public long byteSize() {
            return elementCount(shape.stream().mapToInt(Integer::intValue).toArray()) * type.bytes();
        }
    }

    private final String name;
    private final ElementType type;
    private final int[] shape;
    private final Object data;

    private RecipeArray(String name, ElementType type, int[] shape, Object data, int length) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.shape = shape.clone();
        if (elementCount(this.shape) != length) {
            throw new IllegalArgumentException("Array '" + name + "' of shape " + Arrays.toString(shape) + " needs "
                    + elementCount(this.shape) + " elements, got " + length);
        }
        this.data = data;
    }

    /**
     * @param name the array's name
     * @param values the elements, row-major, copied
     * @param shape the dimensions
     * @return an unsigned-byte array
     */
    public static RecipeArray u8(String name, byte[] values, int... shape) {
        return new RecipeArray(name, ElementType.U8, shape, values.clone(), values.length);
    }

    /**
     * @param name the array's name
     * @param values the elements, row-major, copied
     * @param shape the dimensions
     * @return a 32-bit integer array
     */
    public static RecipeArray i32(String name, int[] values, int... shape) {
        return new RecipeArray(name, ElementType.I32, shape, values.clone(), values.length);
    }

    /**
     * @param name the array's name
     * @param values the elements, row-major, copied
     * @param shape the dimensions
     * @return a 32-bit float array
     */
    public static RecipeArray f32(String name, float[] values, int... shape) {
        return new RecipeArray(name, ElementType.F32, shape, values.clone(), values.length);
    }

    private static long elementCount(int[] shape) {
        long count = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("Array dimensions must be positive, got " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    /** @return the array's name, e.g. {@value #MASK} */
    public String name() {
        return name;
    }

    /** @return the element type */
    public ElementType type() {
        return type;
    }

    /** @return a copy of the dimensions */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the layout of this array */
    public Layout layout() {
        return new Layout(name, type, Arrays.stream(shape).boxed().toList());
    }

    /**
     * @return a copy of the elements
     * @throws IllegalStateException unless this is a {@link ElementType#U8} array
     */
    public byte[] bytes() {
        return ((byte[]) require(ElementType.U8)).clone();
    }

    /**
     * @return a copy of the elements
     * @throws IllegalStateException unless this is an {@link ElementType#I32} array
     */
    public int[] ints() {
        return ((int[]) require(ElementType.I32)).clone();
    }

    /**
     * @return a copy of the elements
     * @throws IllegalStateException unless this is an {@link ElementType#F32} array
     */
    public float[] floats() {
        return ((float[]) require(ElementType.F32)).clone();
    }

    private Object require(ElementType expected) {
        if (type != expected) {
            throw new IllegalStateException("Array '" + name + "' is " + type + ", not " + expected);
        }
        return data;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecipeArray that
                && name.equals(that.name)
                && type == that.type
                && Arrays.equals(shape, that.shape)
                && Arrays.deepEquals(new Object[] {data}, new Object[] {that.data});
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
    }

    @Override
    public String toString() {
        return name + ":" + type + Arrays.toString(shape);
    }
}
