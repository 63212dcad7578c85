package dev.autodidact.learner.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.CleanImage;
import java.util.List;

/** Packs clean images into one normalised (N, 3, H, W) float array on the manager's device. */
public final class ImageTensors {
    private ImageTensors() {
    }

    public static NDArray stack(NDManager manager, List<CleanImage> images, EncoderSpec spec) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Cannot stack an empty batch");
        }
        int w = images.get(0).width();
        int h = images.get(0).height();
        float[] data = new float[images.size() * 3 * w * h];
        int offset = 0;
        for (CleanImage img : images) {
            if (img.width() != w || img.height() != h) {
                throw new IllegalArgumentException("Mixed sizes in one view slot: " + w + "x" + h + " and "
                        + img.width() + "x" + img.height());
            }
            offset = new RgbImage(w, h, img.pixels()).toChwFloats(spec.mean(), spec.std(), data, offset);
        }
        return manager.create(data, new Shape(images.size(), 3, h, w));
    }
}
