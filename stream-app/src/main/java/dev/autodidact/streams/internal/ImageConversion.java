package dev.autodidact.streams.internal;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;

/**
 * Maps between the media type {@link RgbImage} and the in-memory record value {@link CleanImage} (written out as an
 * {@link dev.autodidact.schema.example.Example} by {@link dev.autodidact.schema.example.ImageArrays}). Both are HWC RGB
 * bytes, so the pixel array is shared, not copied. Also turns a recipe's other arrays ({@link RecipeArray}: masks,
 * targets) into example arrays.
 */
public final class ImageConversion {
    private ImageConversion() {}

    /**
     * @param image decoded pixels
     * @return the same pixels as a record value
     */
    public static CleanImage toClean(RgbImage image) {
        return new CleanImage(image.width(), image.height(), image.pixels());
    }

    /**
     * @param image a record value
     * @return the same pixels as a media image
     */
    public static RgbImage toRgb(CleanImage image) {
        return new RgbImage(image.width(), image.height(), image.pixels());
    }

    /**
     * @param array a mask or target a recipe drew
     * @return the same name's example array: the same element type, shape and values
     * @throws IllegalArgumentException if its name is not a valid array name
     */
    public static Tensor toTensor(RecipeArray array) {
        ArrayNames.check(array.name());
        int[] shape = array.shape();
        return switch (array.type()) {
            case U8 -> Tensor.wrap(DType.U8, shape, array.bytes());
            case I32 -> Tensor.i32(shape, array.ints());
            case F32 -> Tensor.f32(shape, array.floats());
        };
    }
}
