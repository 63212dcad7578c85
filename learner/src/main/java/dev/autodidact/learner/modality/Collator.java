package dev.autodidact.learner.modality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a batch of examples into the loss's {@link NDList}: one array per requested name, row {@code i} of each from
 * example {@code i}, each named after its example array ({@link NDList#get(String)} finds it). Encoder inputs (the
 * clean {@code input} and the {@code view.*} arrays) go through the encoder architecture's
 * {@link EncoderArchitecture#input}; masks, indices and targets are stacked as they are, in their own type.
 */
public final class Collator {
    private final EncoderArchitecture encoder;

    public Collator(EncoderArchitecture encoder) {
        this.encoder = encoder;
    }

    public NDList collate(NDManager manager, List<Example> examples, List<String> names) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("Cannot collate an empty batch");
        }
        NDList out = new NDList(names.size());
        for (String name : names) {
            List<Tensor> slot = new ArrayList<>(examples.size());
            for (Example e : examples) {
                slot.add(e.array(name));
            }
            NDArray array = ArrayNames.isEncoderInput(name) ? encoder.input(manager, slot) : stack(manager, slot);
            array.setName(name);
            out.add(array);
        }
        return out;
    }

    /** Stacks arrays of one type and shape into one array with a leading batch axis, in their own element type. */
    public static NDArray stack(NDManager manager, List<Tensor> arrays) {
        Tensor first = arrays.get(0);
        int[] shape = first.shape();
        int rowBytes = first.bytes().length;
        ByteBuffer data = ByteBuffer.allocateDirect(rowBytes * arrays.size()).order(java.nio.ByteOrder.nativeOrder());
        for (Tensor t : arrays) {
            if (t.dtype() != first.dtype() || !Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("Cannot stack " + t + " onto " + first);
            }
            data.put(nativeOrder(t));
        }
        data.rewind();
        long[] dims = new long[shape.length + 1];
        dims[0] = arrays.size();
        for (int i = 0; i < shape.length; i++) {
            dims[i + 1] = shape[i];
        }
        return manager.create(data, new Shape(dims), dataType(first.dtype()));
    }

    private static byte[] nativeOrder(Tensor t) {
        byte[] le = t.bytes();
        int width = t.dtype().bytes();
        if (width == 1 || java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            return le;
        }
        byte[] swapped = new byte[le.length];
        for (int i = 0; i < le.length; i += width) {
            for (int b = 0; b < width; b++) {
                swapped[i + b] = le[i + width - 1 - b];
            }
        }
        return swapped;
    }

    static DataType dataType(DType dtype) {
        return switch (dtype) {
            case BOOL -> DataType.BOOLEAN;
            case U8 -> DataType.UINT8;
            case I16 -> DataType.INT16;
            case I32 -> DataType.INT32;
            case I64 -> DataType.INT64;
            case F32 -> DataType.FLOAT32;
        };
    }
}
