package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The spectrogram CNN of {@code audio-conv}: the image conv encoder's stages on a one-channel log-mel map, as COLA
 * (Saeed et al. 2021) and BYOL-A (Niizumi et al. 2021) run small CNNs on log-mel crops. Each stage is a 3x3
 * convolution, 2x2 max pooling over (mel, frame) for all stages but the last, batch norm and ReLU; global average
 * pooling over mel and frame makes the output (N, last width) whatever the clip's length, so 0.75 s training crops
 * and full 1 s clips go through the same network.
 */
final class AudioConvEncoder {
    private AudioConvEncoder() {}

    /** An uninitialised encoder; initialise it with input shape (N, 1, M, F). */
    static Block build(int[] widths) {
        SequentialBlock net = new SequentialBlock();
        for (int i = 0; i < widths.length; i++) {
            net.add(Conv2d.builder()
                    .setKernelShape(new Shape(3, 3))
                    .optPadding(new Shape(1, 1))
                    .optBias(false)
                    .setFilters(widths[i])
                    .build());
            if (i < widths.length - 1) {
                net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
            net.add(BatchNorm.builder().build()).add(Activation.reluBlock());
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    /** The shortest side (mel bands or frames) that survives the poolings of {@code stages} stages. */
    static int minSide(int stages) {
        return 1 << (stages - 1);
    }
}
