package dev.autodidact.learner.finetune;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.autodidact.learner.method.BlockState;
import dev.autodidact.learner.modality.EncoderArchitecture;

/**
 * The fine-tuning network of any modality: the SSL encoder, rebuilt from the manifest's architecture (without projector, predictor or decoder) followed by a new classification
 * head, a batch norm without affine parameters and a linear layer. The parameter-free batch norm standardises the
 * frozen features before the linear layer, as MAE's linear probing does (He et al. 2022): SSL features have arbitrary
 * scales, and without it a linear head trained for a few hundred steps mostly learns their scale. {@link #network()}
 * is the one block that is saved and served.
 */
public final class Classifier {
    private final EncoderArchitecture spec;
    private final Block encoder;
    private final Block head;
    private final SequentialBlock network;

    public Classifier(EncoderArchitecture spec, int numClasses) {
        this.spec = spec;
        this.encoder = spec.network();
        this.head = new SequentialBlock()
                .add(BatchNorm.builder().optCenter(false).optScale(false).build())
                .add(Linear.builder().setUnits(numClasses).build());
        this.network = new SequentialBlock().add(encoder).add(head);
    }

    /** Initialises every parameter on {@code manager} (random weights). */
    public Classifier initialize(NDManager manager) {
        network.initialize(manager, DataType.FLOAT32, spec.inputShape(1));
        return this;
    }

    /** Replaces the encoder's weights and batch-norm statistics with a checkpoint's {@code encoder} section. */
    public void loadEncoder(NDManager manager, byte[] encoderState) {
        BlockState.load(encoder, manager, encoderState);
    }

    public EncoderArchitecture spec() {
        return spec;
    }

    public Block encoder() {
        return encoder;
    }

    public Block head() {
        return head;
    }

    public Block network() {
        return network;
    }
}
