package dev.autodidact.learner.model;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Vision Transformer (Dosovitskiy et al. 2021) as MAE trains it (He et al. 2022), over any 2-D input with a few
 * channels (an RGB image, a one-channel log-mel spectrogram): the input is cut into {@code patch x patch} patches, each
 * embedded by a strided convolution (a linear map of its values), the fixed 2-D sine-cosine position embedding of the
 * patch grid is added, then {@code depth} pre-norm {@link TransformerBlock}s and a final LayerNorm. There is no class
 * token: the representation is the mean of the final token states, (N, dim).
 *
 * <p>Given a second input, int {@code keep} (N, V), it gathers the kept tokens after the position embedding and runs
 * the blocks on those V tokens only, returning their states (N, V, dim): MAE's encoder never sees the masked patches,
 * which is where its 3x or more saving in encoder compute comes from. The kept-token path needs exactly the layout's
 * grid, whose patch indices the caller's {@code keep} refers to.
 *
 * <p>The layout's grid is the canonical one; with {@link Layout#variableColumns()} the plain forward pass also takes
 * inputs with another number of patch columns (a longer or shorter clip), with the position embedding of that grid.
 */
public class PatchTransformer extends AbstractBlock {
    private static final byte VERSION = 1;

    /**
     * The shape of a patch transformer.
     *
     * @param rows patch rows of the canonical grid
     * @param cols patch columns of the canonical grid
     * @param patch side of a square patch
     * @param dim token width, a multiple of 4 (the 2-D sine-cosine embedding) and of {@code heads}
     * @param depth Transformer blocks
     * @param heads attention heads per block
     * @param mlpRatio MLP hidden units per token dimension
     * @param variableColumns whether the plain forward pass takes any number of patch columns
     */
    public record Layout(
            int rows, int cols, int patch, int dim, int depth, int heads, int mlpRatio, boolean variableColumns) {
        public Layout {
            if (rows < 1
                    || cols < 1
                    || patch < 1
                    || dim < 4
                    || dim % 4 != 0
                    || depth < 1
                    || heads < 1
                    || dim % heads != 0
                    || mlpRatio < 1) {
                throw new IllegalArgumentException("Invalid patch transformer: grid " + rows + "x" + cols + ", patch "
                        + patch + ", dim " + dim + ", depth " + depth + ", heads " + heads + ", MLP ratio " + mlpRatio);
            }
        }

        /** Patches of the canonical grid. */
        public int patchCount() {
            return rows * cols;
        }
    }

    private final Layout layout;
    private final float[] positions;
    private final Conv2d patchEmbedding;
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm norm;

    /** A patch transformer of pre-norm {@link TransformerBlock}s. */
    public PatchTransformer(Layout layout) {
        this(layout, () -> new TransformerBlock(layout.dim(), layout.heads(), layout.dim() * layout.mlpRatio()));
    }

    /** With the Transformer blocks {@code blockFactory} makes (tests observe the sequence the blocks see). */
    protected PatchTransformer(Layout layout, Supplier<? extends Block> blockFactory) {
        super(VERSION);
        this.layout = layout;
        this.positions = SinCosPositions.grid(layout.rows(), layout.cols(), layout.dim());
        int p = layout.patch();
        patchEmbedding = addChildBlock(
                "patch_embedding",
                Conv2d.builder()
                        .setKernelShape(new Shape(p, p))
                        .optStride(new Shape(p, p))
                        .setFilters(layout.dim())
                        .build());
        for (int i = 0; i < layout.depth(); i++) {
            blocks.add(addChildBlock("block" + i, blockFactory.get()));
        }
        norm = addChildBlock("norm", TransformerBlock.layerNorm());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.isEmpty() || inputs.size() > 2) {
            throw new IllegalArgumentException(
                    "A ViT takes inputs, or inputs and the kept patch indices; got " + inputs.size() + " arrays");
        }
        boolean kept = inputs.size() == 2;
        NDArray tokens = embed(store, inputs.get(0), training, kept);
        if (kept) {
            tokens = keep(tokens, inputs.get(1));
        }
        for (Block block : blocks) {
            tokens = block.forward(store, new NDList(tokens), training).singletonOrThrow();
        }
        tokens = norm.forward(store, new NDList(tokens), training).singletonOrThrow();
        return new NDList(kept ? tokens : tokens.mean(new int[] {1}));
    }

    /** Patch embedding plus position embedding: (N, C, H, W) to tokens (N, P, dim) in row-major patch order. */
    private NDArray embed(ParameterStore store, NDArray inputs, boolean training, boolean canonicalGrid) {
        long n = inputs.getShape().get(0);
        NDArray grid =
                patchEmbedding.forward(store, new NDList(inputs), training).singletonOrThrow();
        int rows = (int) grid.getShape().get(2);
        int cols = (int) grid.getShape().get(3);
        boolean canonical = rows == layout.rows() && cols == layout.cols();
        if (!canonical && (canonicalGrid || !layout.variableColumns() || rows != layout.rows())) {
            throw new IllegalArgumentException("Input " + inputs.getShape() + " makes a " + rows + "x" + cols
                    + " patch grid, the ViT takes " + layout.rows() + "x" + layout.cols()
                    + (layout.variableColumns() && !canonicalGrid ? " or any number of columns" : ""));
        }
        int patches = rows * cols;
        float[] embedding = canonical ? positions : SinCosPositions.grid(rows, cols, layout.dim());
        NDArray tokens = grid.reshape(n, layout.dim(), patches).transpose(0, 2, 1);
        return tokens.add(tokens.getManager().create(embedding, new Shape(1, patches, layout.dim())));
    }

    /** The tokens {@code keep} (N, V) names, gathered per row: (N, V, dim). */
    private NDArray keep(NDArray tokens, NDArray keep) {
        Shape k = keep.getShape();
        if (k.dimension() != 2
                || k.get(0) != tokens.getShape().get(0)
                || k.get(1) < 1
                || k.get(1) > layout.patchCount()) {
            throw new IllegalArgumentException("Kept patch indices must be (N, V) with N = "
                    + tokens.getShape().get(0) + " and 1 <= V <= " + layout.patchCount() + ", got " + k);
        }
        NDArray index =
                keep.toType(DataType.INT64, false).expandDims(2).broadcast(new Shape(k.get(0), k.get(1), layout.dim()));
        return tokens.gather(index, 1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape inputs = inputShapes[0];
        patchEmbedding.initialize(manager, dataType, inputs);
        Shape tokens = new Shape(inputs.get(0), layout.patchCount(), layout.dim());
        for (Block block : blocks) {
            block.initialize(manager, dataType, tokens);
        }
        norm.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {
            inputShapes.length == 2 ? new Shape(n, inputShapes[1].get(1), layout.dim()) : new Shape(n, layout.dim())
        };
    }
}
