package dev.autodidact.learner.modality;

import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;

/**
 * Copies a media recipe's array (a mask, a target, an audio view) into an example's {@link Tensor}: same element
 * type, shape and values. The image and audio kits redraw replayed examples with media's recipes and lay them out as
 * the stream-app does; both use this one conversion. ({@link RecipeArray} lives under {@code media.image.views} but is
 * the recipes' neutral value type, used by the audio recipes as well.)
 */
public final class RecipeTensors {
    private RecipeTensors() {}

    /** The example array of {@code array}. */
    public static Tensor of(RecipeArray array) {
        int[] shape = array.shape();
        return switch (array.type()) {
            case U8 -> Tensor.wrap(DType.U8, shape, array.bytes());
            case I32 -> Tensor.i32(shape, array.ints());
            case F32 -> Tensor.f32(shape, array.floats());
        };
    }
}
