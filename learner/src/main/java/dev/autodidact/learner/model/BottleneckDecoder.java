package dev.autodidact.learner.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * A decoder from one feature vector per input (N, D) to a dense output, through a small "seed" network: a linear layer
 * to {@code seedChannels x seedSide x seedSide} values, reshaped to a (N, seedChannels, seedSide, seedSide) map, batch
 * norm and ReLU, then a {@link ConvDecoder}'s upsampling steps and output convolution. Decoding from the vector, not
 * from a spatial map, is what makes the vector a representation: every pixel the decoder paints must have passed
 * through those D numbers, so the task cannot be solved by propagating texture between neighbouring cells of a map.
 * The context encoder of Pathak et al. (CVPR 2016) decodes through such a bottleneck (a channel-wise fully connected
 * layer), as classic (denoising) autoencoders do.
 *
 * @param seedChannels channels of the seed map
 * @param seedSide side of the seed map, {@link #MIN_SEED_SIDE} to {@link #MAX_SEED_SIDE} unless the output is smaller
 * @param upsampling the steps from the seed map to the output
 */
public record BottleneckDecoder(int seedChannels, int seedSide, ConvDecoder upsampling) {
    /** Seed channels per channel of the first upsampling step: the seed too has twice the channels of what follows. */
    public static final int SEED_CHANNEL_FACTOR = 2;
    /** The side the seed is halved down to when the output allows it, e.g. 4 at 32 px. */
    public static final int MIN_SEED_SIDE = 4;
    /** The largest seed: a larger one would make the linear layer carry the spatial detail the steps should add. */
    public static final int MAX_SEED_SIDE = 8;
    /** Most seed channels: the linear layer has D x seedChannels x seedSide^2 weights. */
    public static final int MAX_SEED_CHANNELS = 4096;

    public BottleneckDecoder {
        if (seedChannels < 1 || seedChannels > MAX_SEED_CHANNELS || seedSide < 1 || seedSide > MAX_SEED_SIDE) {
            throw new IllegalArgumentException(
                    "Invalid bottleneck decoder: seed of " + seedChannels + " channels, side " + seedSide);
        }
    }

    /**
     * A decoder of pixels of side {@code outSide} with a 3x3 output convolution: a seed of side
     * {@link #seedSide(int)} and {@link #SEED_CHANNEL_FACTOR} x {@code width} channels, then doublings.
     *
     * @param width channels of the first upsampling step, as {@link ConvDecoder#width()}
     * @throws IllegalArgumentException unless {@code outSide} is a seed side times a power of two
     */
    public static BottleneckDecoder toSide(int outSide, int width, int outChannels) {
        int seed = seedSide(outSide);
        int channels = (int) Math.min(MAX_SEED_CHANNELS, (long) SEED_CHANNEL_FACTOR * width);
        return new BottleneckDecoder(channels, seed, ConvDecoder.toSide(seed, outSide, width, outChannels));
    }

    /**
     * The seed's side for an output of side {@code outSide}: {@code outSide} halved while it stays even and the half
     * is at least {@link #MIN_SEED_SIDE} (4 for 8, 16, 32 or 64; 6 for 12, 24, 48 or 96; 5 for 20).
     *
     * @throws IllegalArgumentException if that leaves a seed larger than {@link #MAX_SEED_SIDE}
     */
    public static int seedSide(int outSide) {
        if (outSide < 1) {
            throw new IllegalArgumentException("Output side must be positive, got " + outSide);
        }
        int side = outSide;
        while (side % 2 == 0 && side / 2 >= MIN_SEED_SIDE) {
            side /= 2;
        }
        if (side > MAX_SEED_SIDE) {
            throw new IllegalArgumentException("The pooled decoder grows a seed of side " + MIN_SEED_SIDE + " to "
                    + MAX_SEED_SIDE + " by doublings, and a " + outSide + "-pixel output is no such seed times a "
                    + "power of two; choose an input size that is (e.g. 32, 48, 64, 96)");
        }
        return side;
    }

    /** @return a new, uninitialised block; initialise it with the features' shape (N, D) */
    public Block build() {
        long units = (long) seedChannels * seedSide * seedSide;
        SequentialBlock net = new SequentialBlock();
        net.add(Linear.builder().setUnits(units).optBias(false).build())
                .add(new LambdaBlock(
                        in -> new NDList(in.singletonOrThrow().reshape(-1, seedChannels, seedSide, seedSide)),
                        "seedReshape"))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(upsampling.build());
        return net;
    }
}
