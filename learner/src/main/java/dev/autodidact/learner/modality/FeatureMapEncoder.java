package dev.autodidact.learner.modality;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * An encoder that also gives its spatial feature map, for the dense pretext methods (inpainting, colorization,
 * denoising) whose decoders need "where" as well as "what". The map is the same network as the published encoder
 * without its final global pooling, run on the same parameters: pooling the map over its spatial axes gives exactly
 * the pooled features the encoder outputs. The methods stay free of modality classes: they ask an
 * {@link EncoderArchitecture} for this interface ({@link #of}) and fail at creation if it does not have it. The
 * methods that only decode from the pooled features need the smaller {@link PixelEncoder}.
 */
public interface FeatureMapEncoder extends PixelEncoder {

    /** Channels of the feature map, e.g. 128 for widths 32, 64, 128. */
    int mapChannels();

    /**
     * Side of the (square) feature map for an input of side {@code inputSide}, e.g. 8 for 32.
     *
     * @throws IllegalArgumentException if the encoder cannot take such an input
     */
    int mapSide(int inputSide);

    /**
     * Runs {@code encoder} (a network this architecture built, the one the method trains and publishes) up to its
     * spatial map: (N, {@link #mapChannels()}, s, s) with s = {@link #mapSide(int)} of the input's side. Batch norm
     * runs in training or inference mode as {@code training} says, with the encoder's own running statistics.
     *
     * @param input a batch as {@link #input} makes it, e.g. normalised float (N, 3, H, W)
     * @throws IllegalArgumentException if {@code encoder} is not a network of this architecture
     */
    NDArray featureMap(ParameterStore store, Block encoder, NDArray input, boolean training);

    /**
     * {@code architecture} as a feature-map encoder.
     *
     * @param method the method that needs it, for the message
     * @throws IllegalArgumentException naming the method and the architecture if it gives no feature map
     */
    static FeatureMapEncoder of(EncoderArchitecture architecture, String method) {
        if (architecture instanceof FeatureMapEncoder map) {
            return map;
        }
        throw new IllegalArgumentException("Method '" + method + "' decodes from the encoder's spatial feature map, "
                + "which the '" + architecture.name() + "' encoder does not give");
    }
}
