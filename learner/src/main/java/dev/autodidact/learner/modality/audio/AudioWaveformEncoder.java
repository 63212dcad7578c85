package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.autodidact.learner.model.SinCosPositions;
import dev.autodidact.learner.model.TransformerBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The network of {@code audio-waveform}: a convolutional feature encoder over the raw waveform and a context network
 * over its latent frames. The feature encoder is CPC's (van den Oord et al. 2018, sec. 3.1): five 1-D convolutions of
 * strides 5, 4, 2, 2, 2 and kernels 10, 8, 4, 4, 4 (160x down, 100 frames per second at 16 kHz), each followed, as in
 * wav2vec 2.0's {@code layer_norm} extractor, by a LayerNorm over the channels and GELU. The context is a GRU (CPC's
 * autoregressive model) or a stack of pre-norm Transformer blocks on the LayerNorm-ed latents projected to the
 * context width: bidirectional with wav2vec 2.0's convolutional position embedding (a grouped convolution over time,
 * here of 31 frames, 310 ms, against the paper's 128 frames of 20 ms), or causal with fixed 1-D sine-cosine positions
 * (a centred convolution would let the future in); then a final LayerNorm.
 *
 * <p>Its forward pass, the published representation, is the mean over time of the context on the unmasked latents:
 * (N, context dim).
 */
final class AudioWaveformEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final AudioWaveformEncoderSpec spec;
    private final List<Conv1d> convolutions = new ArrayList<>();
    private final List<LayerNorm> convolutionNorms = new ArrayList<>();
    private final GRU gru;
    private final LayerNorm contextNorm;
    private final Linear contextProjection;
    private final Conv1d positionConvolution;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;

    AudioWaveformEncoder(AudioWaveformEncoderSpec spec) {
        super(VERSION);
        this.spec = spec;
        for (int i = 0; i < AudioWaveformEncoderSpec.KERNELS.length; i++) {
            convolutions.add(addChildBlock(
                    "conv" + i,
                    Conv1d.builder()
                            .setKernelShape(new Shape(AudioWaveformEncoderSpec.KERNELS[i]))
                            .optStride(new Shape(AudioWaveformEncoderSpec.STRIDES[i]))
                            .setFilters(spec.channels())
                            .optBias(false)
                            .build()));
            convolutionNorms.add(addChildBlock("conv_norm" + i, TransformerBlock.layerNorm()));
        }
        if (spec.context() == AudioWaveformEncoderSpec.Context.GRU) {
            gru = addChildBlock(
                    "context_gru",
                    GRU.builder()
                            .setStateSize(spec.contextDim())
                            .setNumLayers(spec.contextDepth())
                            .optBatchFirst(true)
                            .optReturnState(false)
                            .build());
            contextNorm = null;
            contextProjection = null;
            positionConvolution = null;
            finalNorm = null;
        } else {
            gru = null;
            contextNorm = addChildBlock("context_norm", TransformerBlock.layerNorm());
            contextProjection = addChildBlock(
                    "context_projection",
                    Linear.builder().setUnits(spec.contextDim()).build());
            positionConvolution = spec.causal()
                    ? null
                    : addChildBlock(
                            "position_conv",
                            Conv1d.builder()
                                    .setKernelShape(new Shape(AudioWaveformEncoderSpec.POSITION_KERNEL))
                                    .optPadding(new Shape(AudioWaveformEncoderSpec.POSITION_KERNEL / 2))
                                    .optGroups(AudioWaveformEncoderSpec.positionGroups(spec.contextDim()))
                                    .setFilters(spec.contextDim())
                                    .build());
            int dim = spec.contextDim();
            for (int i = 0; i < spec.contextDepth(); i++) {
                blocks.add(addChildBlock(
                        "block" + i,
                        new TransformerBlock(
                                dim, spec.contextHeads(), dim * AudioWaveformEncoderSpec.MLP_RATIO, spec.causal())));
            }
            finalNorm = addChildBlock("final_norm", TransformerBlock.layerNorm());
        }
    }

    /** The feature encoder: waveforms (N, T) to latent frames (N, T', channels). */
    NDArray latents(ParameterStore store, NDArray waveforms, boolean training) {
        if (waveforms.getShape().dimension() != 2) {
            throw new IllegalArgumentException("Expected waveforms (N, T), got " + waveforms.getShape());
        }
        NDArray x = waveforms.expandDims(1);
        for (int i = 0; i < convolutions.size(); i++) {
            x = run(convolutions.get(i), store, x, training).transpose(0, 2, 1);
            x = Activation.gelu(run(convolutionNorms.get(i), store, x, training));
            if (i < convolutions.size() - 1) {
                x = x.transpose(0, 2, 1);
            }
        }
        return x;
    }

    /** The context network: latent frames (N, T', channels) to context (N, T', context dim). */
    NDArray context(ParameterStore store, NDArray latents, boolean training) {
        Shape shape = latents.getShape();
        if (shape.dimension() != 3 || shape.get(2) != spec.channels()) {
            throw new IllegalArgumentException("Expected latent frames (N, T', " + spec.channels() + "), got " + shape);
        }
        if (gru != null) {
            return run(gru, store, latents, training);
        }
        NDArray x = run(contextProjection, store, run(contextNorm, store, latents, training), training);
        x = x.add(positions(store, x, training));
        for (TransformerBlock block : blocks) {
            x = run(block, store, x, training);
        }
        return run(finalNorm, store, x, training);
    }

    /**
     * The positional term added to the projected latents (N, T', dim): for a bidirectional context wav2vec 2.0's
     * convolutional one, {@code GELU(conv(x))} over time, which gives every frame a summary of its neighbours (a
     * masked frame's among them); for a causal context the fixed 1-D sine-cosine embedding, which sees no future.
     */
    private NDArray positions(ParameterStore store, NDArray x, boolean training) {
        int frames = (int) x.getShape().get(1);
        int dim = spec.contextDim();
        if (positionConvolution == null) {
            return x.getManager().create(SinCosPositions.sequence(frames, dim), new Shape(1, frames, dim));
        }
        NDArray convolved = run(positionConvolution, store, x.transpose(0, 2, 1), training);
        return Activation.gelu(convolved).transpose(0, 2, 1);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray context = context(store, latents(store, inputs.singletonOrThrow(), training), training);
        return new NDList(context.mean(new int[] {1}));
    }

    private static NDArray run(Block block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        long length = inputShapes[0].get(1);
        Shape x = new Shape(n, 1, length);
        for (int i = 0; i < convolutions.size(); i++) {
            convolutions.get(i).initialize(manager, dataType, x);
            length = (length - AudioWaveformEncoderSpec.KERNELS[i]) / AudioWaveformEncoderSpec.STRIDES[i] + 1;
            convolutionNorms.get(i).initialize(manager, dataType, new Shape(n, length, spec.channels()));
            x = new Shape(n, spec.channels(), length);
        }
        Shape latents = new Shape(n, length, spec.channels());
        if (gru != null) {
            gru.initialize(manager, dataType, latents);
            return;
        }
        contextNorm.initialize(manager, dataType, latents);
        contextProjection.initialize(manager, dataType, latents);
        Shape tokens = new Shape(n, length, spec.contextDim());
        if (positionConvolution != null) {
            positionConvolution.initialize(manager, dataType, new Shape(n, spec.contextDim(), length));
        }
        for (TransformerBlock block : blocks) {
            block.initialize(manager, dataType, tokens);
        }
        finalNorm.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), spec.contextDim())};
    }
}
