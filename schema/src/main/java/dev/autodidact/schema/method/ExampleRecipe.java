package dev.autodidact.schema.method;

/**
 * The kinds of training example the stream-app makes from a clean record. A method names one; the stream-app maps it
 * to media code, the learner to the arrays it expects.
 */
public enum ExampleRecipe {
    /** Two augmented views of equal size ({@code view.0}, {@code view.1}): the two-view contrastive and Siamese methods. */
    TWO_VIEWS("two-views"),
    /** Two global views and several smaller local views ({@code view.0 ... view.n}): DINO's multi-crop. */
    MULTI_CROP("multi-crop"),
    /**
     * One view ({@code view.0}) and a random masking of its patches ({@code mask}, u8 {@code [P]}, 1 = masked;
     * {@code mask.index}, i32 {@code [P]}, a permutation of the patch indices with the visible ones first): MAE.
     */
    MASKED_PATCHES("masked-patches"),
    /**
     * {@code n} views ({@code view.0 ... view.(n-1)}), each rotated by a multiple of 90 degrees, and the rotations as
     * {@code target} (i32 {@code [n]}, 0..3 quarter turns counter-clockwise): RotNet.
     */
    ROTATION("rotation"),
    /**
     * {@code n} views whose tiles are shuffled by one of a fixed set of permutations, and the permutations' indices as
     * {@code target} (i32 {@code [n]}): jigsaw.
     */
    JIGSAW("jigsaw"),
    /**
     * One view with a region erased ({@code view.0}), the erased region ({@code mask}, u8 {@code [h, w]}, 1 = erased)
     * and the view before erasing ({@code target}, u8 {@code [h, w, 3]}): context-encoder inpainting.
     */
    INPAINTING("inpainting"),
    /**
     * One grayscale view ({@code view.0}, the luminance in all three channels) and its colour as {@code target} (f32
     * {@code [h, w, 2]}, the CIE Lab a* and b* channels divided by 128): colorization.
     */
    COLORIZATION("colorization"),
    /**
     * One corrupted view ({@code view.0}: additive noise and dropped pixels) and the view before corruption
     * ({@code target}, u8 {@code [h, w, 3]}): denoising autoencoder.
     */
    DENOISING("denoising");

    private final String id;

    ExampleRecipe(String id) {
        this.id = id;
    }

    /** The name written into each example's {@code recipe} metadata. */
    public String id() {
        return id;
    }
}
