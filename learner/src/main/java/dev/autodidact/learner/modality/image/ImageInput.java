package dev.autodidact.learner.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.learner.modality.PixelEncoder;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;
import java.util.List;

/**
 * What every image encoder architecture shares on its input side: a square RGB input of one size, normalised per
 * channel. The kit's canonicalisation, fine-tuning views and raw-pixel baseline need nothing else, whichever network
 * follows: the batch shape, the stacking and normalisation of uint8 images, and the pixel targets' normalisation are
 * defined here once for every image architecture.
 */
interface ImageInput extends PixelEncoder {
    /** Side of the square RGB input. */
    int inputSize();

    /** Per-channel mean of pixel values in [0, 1]. */
    float[] mean();

    /** Per-channel standard deviation. */
    float[] std();

    @Override
    default Shape inputShape(int n) {
        return new Shape(n, 3, inputSize(), inputSize());
    }

    @Override
    default NDArray input(NDManager manager, List<Tensor> arrays) {
        return ImageTensors.stack(manager, arrays, this);
    }

    @Override
    default int inputSide() {
        return inputSize();
    }

    @Override
    default int inputChannels() {
        return 3;
    }

    /** What {@link #input} makes of the same images ({@link ImageTensors#normalize}). */
    @Override
    default NDArray normalize(NDArray raw) {
        return ImageTensors.normalize(raw, this);
    }

    /** @throws IllegalArgumentException unless {@code array} is an RGB uint8 {@code [h, w, 3]} image */
    static void checkRgb(Tensor array) {
        if (array.dtype() != DType.U8 || array.rank() != 3 || array.dim(2) != 3) {
            throw new IllegalArgumentException("Expected an RGB uint8 [h, w, 3] image, got " + array);
        }
    }
}
