package dev.autodidact.schema.example;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import java.util.List;

/** Images as example arrays: uint8, shape {@code [height, width, 3]}, RGB interleaved (HWC), row-major. */
public final class ImageArrays {
    private ImageArrays() {}

    public static Tensor of(CleanImage image) {
        return Tensor.wrap(
                DType.U8,
                new int[] {image.height(), image.width(), 3},
                image.pixels().clone());
    }

    /**
     * @throws IllegalArgumentException unless {@code array} is a uint8 {@code [h, w, 3]} image
     */
    public static CleanImage image(Tensor array) {
        if (array.dtype() != DType.U8 || array.rank() != 3 || array.dim(2) != 3) {
            throw new IllegalArgumentException("Not an RGB image array: " + array);
        }
        return new CleanImage(array.dim(1), array.dim(0), array.bytes().clone());
    }

    /** A clean image record: its canonical form as {@link ArrayNames#INPUT}. */
    public static Example clean(CleanImage image) {
        return Example.builder(Modality.IMAGE).put(ArrayNames.INPUT, of(image)).build();
    }

    /** A training example of views {@code view.0 ... view.(n-1)}, with {@code recipe} in its metadata. */
    public static Example views(List<CleanImage> views, String recipe) {
        Example.Builder b = Example.builder(Modality.IMAGE).meta(Example.RECIPE, recipe);
        for (int i = 0; i < views.size(); i++) {
            b.put(ArrayNames.view(i), of(views.get(i)));
        }
        return b.build();
    }
}
