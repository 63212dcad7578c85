package dev.autodidact.schema.method;

/**
 * The kinds of training example the stream-app makes from a clean record. A method names one; the stream-app maps it
 * to media code, the learner to the arrays it expects.
 */
public enum ExampleRecipe {
    /**
     * Two augmented views of equal size ({@code view.0}, {@code view.1}): the two-view contrastive and Siamese methods.
     * For images two augmented crops; for audio the log-mel spectrograms (f32 {@code [1, M, F]}, natural log of the
     * power) of two independently augmented time crops of the clip.
     */
    TWO_VIEWS("two-views"),
    /** Two global views and several smaller local views ({@code view.0 ... view.n}): DINO's multi-crop. */
    MULTI_CROP("multi-crop"),
    /**
     * One view ({@code view.0}) and a random masking of its square patches, in row-major order ({@code mask}, u8
     * {@code [P]}, 1 = masked; {@code mask.index}, i32 {@code [P]}, a permutation of the patch indices listing the
     * visible ones in ascending order, then the masked ones in ascending order): MAE. For audio the view is a log-mel
     * spectrogram (f32 {@code [1, M, F]}, F a multiple of the patch side) and the patches run row-major over
     * (mel, frame), as in Audio-MAE.
     */
    MASKED_PATCHES("masked-patches"),
    /**
     * Four views ({@code view.0 ... view.3}), independently augmented crops each rotated by {@code k_i} quarter turns
     * counter-clockwise, where {@code (k_0 .. k_3)} is a random permutation of {@code 0..3}, and the rotations as
     * {@code target} (i32 {@code [4]}): RotNet.
     */
    ROTATION("rotation"),
    /**
     * The {@code g x g} tiles of one view (grid {@code g} = {@code jigsaw.grid}, default 3) as separate views
     * {@code view.0 ... view.(g^2 - 1)}, in the order of permutation {@code t} of a fixed maximal-Hamming set, the same
     * in stream-app and learner ({@code media}'s {@code JigsawPermutations}): {@code view.i} is tile number
     * {@code p_t[i]} of the row-major grid. Each tile is a square of side {@code floor(size / g) - gap} cut at a random
     * offset inside its cell, resized to {@code jigsaw.tile.size} pixels (default 16). {@code t} is the
     * {@code target} (i32 {@code [1]}): jigsaw, whose context-free network encodes each tile on its own.
     */
    JIGSAW("jigsaw"),
    /**
     * One view with a square region erased to gray 128 ({@code view.0}), the erased region ({@code mask}, u8
     * {@code [h, w]}, 1 = erased) and the view before erasing ({@code target}, u8 {@code [h, w, 3]}): context-encoder
     * inpainting.
     */
    INPAINTING("inpainting"),
    /**
     * One grayscale view ({@code view.0}: each pixel's CIE L* rendered back to the sRGB gray of that lightness, the
     * same value in all three channels) and its colour as {@code target} (f32 {@code [h, w, 2]}, the CIE Lab (D65) a*
     * and b* channels divided by 128): colorization.
     */
    COLORIZATION("colorization"),
    /**
     * One corrupted view ({@code view.0}: additive Gaussian noise, then dropped pixels set to 0 in all channels) and the
     * view before corruption ({@code target}, u8 {@code [h, w, 3]}): denoising autoencoder.
     */
    DENOISING("denoising"),
    /**
     * One augmented crop of the raw waveform ({@code view.0}, f32 {@code [T]}, samples of about [-1, 1] at the clean
     * record's sample rate: gain, additive noise and a time shift applied), beside the clean {@code input}: the methods
     * that learn from the waveform itself, with their own convolutional feature encoder and no spectrogram in between
     * (CPC's future-frame prediction, wav2vec 2.0's masked-frame contrast). The learner draws any masks itself, so the
     * example carries none.
     */
    WAVEFORM("waveform");

    private final String id;

    ExampleRecipe(String id) {
        this.id = id;
    }

    /** The name written into each example's {@code recipe} metadata. */
    public String id() {
        return id;
    }
}
