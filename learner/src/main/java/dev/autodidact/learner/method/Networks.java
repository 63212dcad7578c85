package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.autodidact.learner.model.ConvEncoder;
import dev.autodidact.learner.model.EncoderSpec;

/** The methods' networks, built and initialised on a manager: the conv encoder and heads over feature vectors. */
final class Networks {
    private Networks() {
    }

    /** A new conv encoder for {@code spec}, initialised for (N, 3, size, size) input. */
    static Block encoder(NDManager manager, EncoderSpec spec) {
        Block block = ConvEncoder.build(spec);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 3, spec.inputSize(), spec.inputSize()));
        return block;
    }

    /** {@code head}, initialised for (N, {@code in}) input. */
    static Block head(NDManager manager, Block head, int in) {
        head.initialize(manager, DataType.FLOAT32, new Shape(2, in));
        return head;
    }
}
