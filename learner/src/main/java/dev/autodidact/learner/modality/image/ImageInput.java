package dev.autodidact.learner.modality.image;

/**
 * What every image encoder architecture shares on its input side: a square RGB input of one size, normalised per
 * channel. The kit's canonicalisation, fine-tuning views and raw-pixel baseline need nothing else, whichever network
 * follows.
 */
interface ImageInput {
    /** Side of the square RGB input. */
    int inputSize();

    /** Per-channel mean of pixel values in [0, 1]. */
    float[] mean();

    /** Per-channel standard deviation. */
    float[] std();
}
