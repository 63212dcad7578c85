package dev.autodidact.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * A light convolutional decoder from an encoder's spatial feature map back to a dense output: {@code upsamplings}
 * steps of nearest-neighbour upsampling by 2, a 3x3 convolution, batch norm and ReLU, then one output convolution to
 * {@code outChannels} with a bias and no activation (pixels in the encoder's normalised space, or logits). Nearest
 * upsampling followed by a convolution instead of a transposed convolution avoids the checkerboard artefacts of
 * strided deconvolutions (Odena et al., "Deconvolution and Checkerboard Artifacts", Distill 2016). The decoder is kept
 * small on purpose: a pretext decoder that can do the work by itself leaves the encoder less to learn (the context
 * encoder of Pathak et al. 2016 decodes with five up-convolutional layers from a fully connected bottleneck; here the
 * map is already spatial, so two steps reach 32 px).
 *
 * @param upsamplings doublings of the map's side; 0 for an output at the map's resolution
 * @param width channels of the first step; each further step halves them, down to {@link #MIN_WIDTH}
 * @param outChannels channels of the output
 * @param outputKernel side of the output convolution's kernel: 3, or 1 for a per-position linear read-out
 */
public record ConvDecoder(int upsamplings, int width, int outChannels, int outputKernel) {
    /** Fewest channels a step narrows to. */
    public static final int MIN_WIDTH = 8;
    /** Most doublings: a map of side 1 grows to at most 1024. */
    public static final int MAX_UPSAMPLINGS = 10;

    public ConvDecoder {
        if (upsamplings < 0
                || upsamplings > MAX_UPSAMPLINGS
                || width < 1
                || outChannels < 1
                || (outputKernel != 1 && outputKernel != 3)) {
            throw new IllegalArgumentException("Invalid decoder: " + upsamplings + " upsamplings, width " + width + ", "
                    + outChannels + " outputs, kernel " + outputKernel);
        }
    }

    /**
     * A decoder of pixels from a map of side {@code mapSide} to an output of side {@code outSide}, with a 3x3 output
     * convolution.
     *
     * @throws IllegalArgumentException unless {@code outSide} is {@code mapSide} times a power of two
     */
    public static ConvDecoder toSide(int mapSide, int outSide, int width, int outChannels) {
        return new ConvDecoder(upsamplings(mapSide, outSide), width, outChannels, 3);
    }

    /** A 1x1 convolution at the map's resolution: one linear read-out per map cell, e.g. colour-bin logits. */
    public static ConvDecoder perCell(int outChannels) {
        return new ConvDecoder(0, MIN_WIDTH, outChannels, 1);
    }

    /**
     * The doublings that take a side of {@code from} to exactly {@code to}.
     *
     * @throws IllegalArgumentException unless {@code to} is {@code from} times a power of two
     */
    public static int upsamplings(int from, int to) {
        for (int k = 0; k <= MAX_UPSAMPLINGS; k++) {
            if ((long) from << k == to) {
                return k;
            }
        }
        throw new IllegalArgumentException("A decoder doubles the feature map's side, " + from + ", which never gives "
                + to + "; choose an input size that is the map side times a power of two");
    }

    /** Channels of upsampling step {@code i}. */
    public int widthAt(int i) {
        return Math.max(Math.min(width, MIN_WIDTH), width >> i);
    }

    /** @return a new, uninitialised block; initialise it with the map's shape (N, C, s, s) */
    public Block build() {
        SequentialBlock net = new SequentialBlock();
        for (int i = 0; i < upsamplings; i++) {
            net.add(nearestUpsample())
                    .add(conv(widthAt(i), 3, false))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        net.add(conv(outChannels, outputKernel, true));
        return net;
    }

    /** Nearest-neighbour upsampling by 2 of (N, C, H, W): every value repeated over a 2x2 square. */
    public static NDArray upsample(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    private static Block nearestUpsample() {
        return new LambdaBlock(in -> new NDList(upsample(in.singletonOrThrow())), "nearestUpsample");
    }

    private static Block conv(int filters, int kernel, boolean bias) {
        int pad = kernel / 2;
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(pad, pad))
                .optBias(bias)
                .setFilters(filters)
                .build();
    }
}
