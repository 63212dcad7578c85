package dev.autodidact.learner.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;
import java.util.List;

/**
 * Packs uint8 {@code [h, w, 3]} image arrays into one normalised (N, 3, H, W) float array on the manager's device, and
 * normalises batches of pixel targets the same way on the engine.
 */
final class ImageTensors {
    private ImageTensors() {}

    static NDArray stack(NDManager manager, List<Tensor> images, ImageInput spec) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Cannot stack an empty batch");
        }
        int[] shape = images.get(0).shape();
        if (images.get(0).dtype() != DType.U8 || shape.length != 3 || shape[2] != 3) {
            throw new IllegalArgumentException("Expected RGB uint8 [h, w, 3] images, got " + images.get(0));
        }
        int h = shape[0];
        int w = shape[1];
        float[] data = new float[images.size() * 3 * w * h];
        int offset = 0;
        for (Tensor img : images) {
            if (img.dtype() != DType.U8 || img.rank() != 3 || img.dim(0) != h || img.dim(1) != w || img.dim(2) != 3) {
                throw new IllegalArgumentException("Mixed sizes in one view slot: " + images.get(0) + " and " + img);
            }
            offset = new RgbImage(w, h, img.bytes()).toChwFloats(spec.mean(), spec.std(), data, offset);
        }
        return manager.create(data, new Shape(images.size(), 3, h, w));
    }

    /**
     * uint8 (N, H, W, 3) RGB to float (N, 3, H, W) with {@code (p / 255 - mean[c]) / std[c]}: what {@link #stack}
     * makes of the same images, computed on {@code raw}'s manager and device.
     *
     * @throws IllegalArgumentException if {@code raw} is not uint8 (N, H, W, 3)
     */
    static NDArray normalize(NDArray raw, ImageInput spec) {
        Shape shape = raw.getShape();
        if (raw.getDataType() != DataType.UINT8 || shape.dimension() != 4 || shape.get(3) != 3) {
            throw new IllegalArgumentException(
                    "Expected uint8 (N, H, W, 3) images, got " + raw.getDataType() + " " + shape);
        }
        NDManager manager = raw.getManager();
        float[] mean = spec.mean();
        float[] std = spec.std();
        float[] scale = new float[3];
        float[] bias = new float[3];
        for (int c = 0; c < 3; c++) {
            scale[c] = 1f / (255f * std[c]);
            bias[c] = -mean[c] / std[c];
        }
        return raw.toType(DataType.FLOAT32, false)
                .mul(manager.create(scale))
                .add(manager.create(bias))
                .transpose(0, 3, 1, 2);
    }
}
