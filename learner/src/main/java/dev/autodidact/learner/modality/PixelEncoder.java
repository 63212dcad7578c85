package dev.autodidact.learner.modality;

import ai.djl.ndarray.NDArray;

/**
 * An encoder whose input is a square grid of pixels with a few channels, and which can put pixel targets in the space
 * of its input: what a method needs to reconstruct the input from the encoder's pooled features (the dense methods'
 * {@code pooled} bottleneck) without reading any intermediate layer. A {@link FeatureMapEncoder} is one, and so is a
 * ViT, whose patch tokens give no convolutional map but whose input is as much a pixel grid. The methods stay free of
 * modality classes: they ask an {@link EncoderArchitecture} for this interface ({@link #of}) and fail at creation if
 * it does not have it.
 */
public interface PixelEncoder extends EncoderArchitecture {

    /** Side of the canonical input, e.g. 32. */
    int inputSide();

    /** Channels of the canonical input as the network sees it, e.g. 3 for RGB. */
    int inputChannels();

    /**
     * A batch of arrays in the format of the encoder's input, stacked raw as the {@code Collator} stacks targets (for
     * images: uint8 (N, H, W, 3)), in the space of the network's input: the values {@link #input} would make of the
     * same arrays (for images: normalised float (N, 3, H, W)). Pixel targets are compared there.
     *
     * @throws IllegalArgumentException if {@code raw} is not of the input's format
     */
    NDArray normalize(NDArray raw);

    /**
     * {@code architecture} as a pixel encoder.
     *
     * @param method the method that needs it, for the message
     * @throws IllegalArgumentException naming the method and the architecture if it does not describe its input as
     *     pixels
     */
    static PixelEncoder of(EncoderArchitecture architecture, String method) {
        if (architecture instanceof PixelEncoder pixels) {
            return pixels;
        }
        throw new IllegalArgumentException("Method '" + method + "' reconstructs the encoder's input pixels, whose "
                + "side, channels and normalisation the '" + architecture.name() + "' encoder does not give");
    }
}
