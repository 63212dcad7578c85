package dev.autodidact.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * A small ResNet-style convolutional encoder for low-resolution images: per stage a 3x3 convolution with batch norm
 * and ReLU, then {@code residualBlocks} basic residual blocks (He et al. 2016), then 2x2 max pooling; the last stage
 * ends in global average pooling, so the output is {@code (N, widths[last])}.
 */
public final class ConvEncoder {
    private ConvEncoder() {
    }

    /** Builds an uninitialised encoder for {@code spec}; initialise it with input shape (N, 3, size, size). */
    public static Block build(EncoderSpec spec) {
        SequentialBlock net = new SequentialBlock();
        int[] widths = spec.widths();
        for (int i = 0; i < widths.length; i++) {
            net.add(convBnRelu(widths[i]));
            for (int r = 0; r < spec.residualBlocks(); r++) {
                net.add(residual(widths[i]));
            }
            net.add(i < widths.length - 1
                    ? Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2))
                    : Pool.globalAvgPool2dBlock());
        }
        net.add(Blocks.batchFlattenBlock());
        return net;
    }

    private static SequentialBlock convBn(int filters) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).optBias(false)
                        .setFilters(filters).build())
                .add(BatchNorm.builder().build());
    }

    private static Block convBnRelu(int filters) {
        return convBn(filters).add(Activation.reluBlock());
    }

    private static Block residual(int filters) {
        Block branch = new SequentialBlock().add(convBnRelu(filters)).add(convBn(filters));
        return new SequentialBlock()
                .add(new ParallelBlock(ConvEncoder::sum, List.of(branch, Blocks.identityBlock())))
                .add(Activation.reluBlock());
    }

    private static NDList sum(List<NDList> outputs) {
        NDArray out = outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow());
        return new NDList(out);
    }
}
