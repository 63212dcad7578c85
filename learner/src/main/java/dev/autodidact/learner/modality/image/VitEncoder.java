package dev.autodidact.learner.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.autodidact.learner.model.SinCosPositions;
import dev.autodidact.learner.model.TransformerBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Vision Transformer (Dosovitskiy et al. 2021) as MAE trains it (He et al. 2022): the image is cut into
 * {@code patch x patch} patches, each embedded by a strided convolution (a linear map of its pixels), the fixed 2-D
 * sine-cosine position embedding is added, then {@code depth} pre-norm {@link TransformerBlock}s and a final
 * LayerNorm. There is no class token: the representation is the mean of the final token states, (N, dim).
 *
 * <p>Given a second input, int {@code keep} (N, V), it gathers the kept tokens after the position embedding and runs
 * the blocks on those V tokens only, returning their states (N, V, dim): MAE's encoder never sees the masked patches,
 * which is where its 3x or more saving in encoder compute comes from.
 */
final class VitEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final VitEncoderSpec spec;
    private final float[] positions;
    private final Conv2d patchEmbedding;
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm norm;

    VitEncoder(VitEncoderSpec spec) {
        this(spec, () -> new TransformerBlock(spec.dim(), spec.heads(), spec.dim() * spec.mlpRatio()));
    }

    /** With the Transformer blocks {@code blockFactory} makes (tests observe the sequence the blocks see). */
    VitEncoder(VitEncoderSpec spec, Supplier<? extends Block> blockFactory) {
        super(VERSION);
        this.spec = spec;
        this.positions = SinCosPositions.grid(spec.gridSide(), spec.dim());
        int p = spec.patchSize();
        patchEmbedding = addChildBlock(
                "patch_embedding",
                Conv2d.builder()
                        .setKernelShape(new Shape(p, p))
                        .optStride(new Shape(p, p))
                        .setFilters(spec.dim())
                        .build());
        for (int i = 0; i < spec.depth(); i++) {
            blocks.add(addChildBlock("block" + i, blockFactory.get()));
        }
        norm = addChildBlock("norm", TransformerBlock.layerNorm());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.isEmpty() || inputs.size() > 2) {
            throw new IllegalArgumentException(
                    "A ViT takes images, or images and the kept patch indices; got " + inputs.size() + " arrays");
        }
        NDArray tokens = embed(store, inputs.get(0), training);
        if (inputs.size() == 2) {
            tokens = keep(tokens, inputs.get(1));
        }
        for (Block block : blocks) {
            tokens = block.forward(store, new NDList(tokens), training).singletonOrThrow();
        }
        tokens = norm.forward(store, new NDList(tokens), training).singletonOrThrow();
        return new NDList(inputs.size() == 2 ? tokens : tokens.mean(new int[] {1}));
    }

    /** Patch embedding plus position embedding: (N, 3, H, W) to tokens (N, P, dim) in row-major patch order. */
    private NDArray embed(ParameterStore store, NDArray images, boolean training) {
        long n = images.getShape().get(0);
        int patches = spec.patchCount();
        NDArray grid =
                patchEmbedding.forward(store, new NDList(images), training).singletonOrThrow();
        NDArray tokens = grid.reshape(n, spec.dim(), patches).transpose(0, 2, 1);
        return tokens.add(tokens.getManager().create(positions, new Shape(1, patches, spec.dim())));
    }

    /** The tokens {@code keep} (N, V) names, gathered per row: (N, V, dim). */
    private NDArray keep(NDArray tokens, NDArray keep) {
        Shape k = keep.getShape();
        if (k.dimension() != 2
                || k.get(0) != tokens.getShape().get(0)
                || k.get(1) < 1
                || k.get(1) > spec.patchCount()) {
            throw new IllegalArgumentException("Kept patch indices must be (N, V) with N = "
                    + tokens.getShape().get(0) + " and 1 <= V <= " + spec.patchCount() + ", got " + k);
        }
        NDArray index =
                keep.toType(DataType.INT64, false).expandDims(2).broadcast(new Shape(k.get(0), k.get(1), spec.dim()));
        return tokens.gather(index, 1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape images = inputShapes[0];
        patchEmbedding.initialize(manager, dataType, images);
        Shape tokens = new Shape(images.get(0), spec.patchCount(), spec.dim());
        for (Block block : blocks) {
            block.initialize(manager, dataType, tokens);
        }
        norm.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {
            inputShapes.length == 2 ? new Shape(n, inputShapes[1].get(1), spec.dim()) : new Shape(n, spec.dim())
        };
    }
}
