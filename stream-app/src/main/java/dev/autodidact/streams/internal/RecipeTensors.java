package dev.autodidact.streams.internal;

import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;

/**
 * Turns the arrays a {@code media} recipe draws ({@link RecipeArray}: an image recipe's masks and targets, every array
 * of an audio recipe, views included) into example arrays. {@code media} depends on no other module, so it has its own
 * small array type; this is the one place it meets the schema's {@link Tensor}.
 */
public final class RecipeTensors {
    private RecipeTensors() {}

    /**
     * @param array an array a recipe drew
     * @return the same name's example array: the same element type, shape and values
     * @throws IllegalArgumentException if its name is not a valid array name
     */
    public static Tensor of(RecipeArray array) {
        ArrayNames.check(array.name());
        int[] shape = array.shape();
        return switch (array.type()) {
            case U8 -> Tensor.wrap(DType.U8, shape, array.bytes());
            case I32 -> Tensor.i32(shape, array.ints());
            case F32 -> Tensor.f32(shape, array.floats());
        };
    }
}
