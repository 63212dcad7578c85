package dev.autodidact.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * MAE's lightweight decoder (He et al. 2022, sec. 3): the encoded visible tokens are mapped to the decoder's width, a
 * shared learned mask token stands in for every masked patch, the full set is put back into patch order, the fixed
 * position embedding is added, and a few pre-norm {@link TransformerBlock}s and a linear layer predict every patch's
 * values. It runs only during pre-training; the published encoder never depends on it.
 *
 * <p>Inputs: the encoder's token states (N, V, encoderDim) of the visible patches, in the order of the example's
 * patch permutation ({@code mask.index}: visible first), and that permutation's inverse (N, P) as int, which says for
 * each patch in patch order where it sits in [visible tokens, mask tokens]. Output: (N, P, patchValues) in patch order.
 */
public final class MaeDecoder extends AbstractBlock {
    private static final byte VERSION = 1;
    /** The reference code initialises the mask token from N(0, 0.02^2). */
    private static final float MASK_TOKEN_STD = 0.02f;

    private final int patches;
    private final int dim;
    private final float[] positions;
    private final Linear embedding;
    private final Parameter maskToken;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm norm;
    private final Linear prediction;

    /**
     * @param patches P
     * @param patchValues values predicted per patch
     * @param dim decoder token width
     * @param depth decoder blocks
     * @param heads attention heads per block
     * @param positions the fixed position embedding of the patches at width {@code dim}: P rows of {@code dim}
     */
    public MaeDecoder(int patches, int patchValues, int dim, int depth, int heads, float[] positions) {
        super(VERSION);
        if (patches < 1 || patchValues < 1 || depth < 1 || positions.length != (long) patches * dim) {
            throw new IllegalArgumentException("Invalid MAE decoder: " + patches + " patches of " + patchValues
                    + " values, depth " + depth + ", " + positions.length + " position values for dim " + dim);
        }
        this.patches = patches;
        this.dim = dim;
        this.positions = positions.clone();
        embedding = addChildBlock("embedding", Linear.builder().setUnits(dim).build());
        maskToken = addParameter(Parameter.builder()
                .setName("mask_token")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1, dim))
                .optInitializer(new NormalInitializer(MASK_TOKEN_STD))
                .build());
        for (int i = 0; i < depth; i++) {
            blocks.add(addChildBlock("block" + i, new TransformerBlock(dim, heads, 4 * dim)));
        }
        norm = addChildBlock("norm", TransformerBlock.layerNorm());
        prediction = addChildBlock(
                "prediction", Linear.builder().setUnits(patchValues).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("The MAE decoder takes the visible tokens and the inverse permutation");
        }
        NDArray visible = inputs.get(0);
        NDArray restore = inputs.get(1);
        long n = visible.getShape().get(0);
        long v = visible.getShape().get(1);
        if (!restore.getShape().equals(new Shape(n, patches)) || v > patches) {
            throw new IllegalArgumentException("Expected (N, V) tokens with V <= " + patches + " and an (N, " + patches
                    + ") permutation, got " + visible.getShape() + " and " + restore.getShape());
        }
        NDArray x = embedding.forward(store, new NDList(visible), training).singletonOrThrow();
        if (v < patches) {
            NDArray token = store.getValue(maskToken, x.getDevice(), training);
            NDArray masked =
                    x.getManager().zeros(new Shape(n, patches - v, dim)).add(token);
            x = NDArrays.concat(new NDList(x, masked), 1);
        }
        NDArray index = restore.toType(DataType.INT64, false).expandDims(2).broadcast(new Shape(n, patches, dim));
        x = x.gather(index, 1).add(x.getManager().create(positions, new Shape(1, patches, dim)));
        for (TransformerBlock block : blocks) {
            x = block.forward(store, new NDList(x), training).singletonOrThrow();
        }
        x = norm.forward(store, new NDList(x), training).singletonOrThrow();
        return prediction.forward(store, new NDList(x), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape visible = inputShapes[0];
        embedding.initialize(manager, dataType, visible);
        Shape tokens = new Shape(visible.get(0), patches, dim);
        for (TransformerBlock block : blocks) {
            block.initialize(manager, dataType, tokens);
        }
        norm.initialize(manager, dataType, tokens);
        prediction.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {prediction.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), patches, dim)})[0]
        };
    }
}
