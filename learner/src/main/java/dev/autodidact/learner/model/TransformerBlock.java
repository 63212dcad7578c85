package dev.autodidact.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-norm Transformer block as ViT (Dosovitskiy et al. 2021) and MAE (He et al. 2022) use it:
 * {@code x = x + Attention(LayerNorm(x)); x = x + MLP(LayerNorm(x))}, with multi-head self-attention
 * {@code softmax(q k^T / sqrt(d_head)) v} over all tokens and a two-layer GELU MLP. DJL's own
 * {@code TransformerEncoderBlock} normalises after the residual sum (post-norm, as BERT), which trains less stably
 * without a long warm-up, so the block is written here with engine operations. It takes and returns token states
 * {@code (N, T, dim)} for any sequence length {@code T}: the same block runs on all patches or on the visible ones.
 * A causal block masks the attention to later tokens (token t attends to tokens 0..t), for autoregressive contexts
 * such as CPC's; masking adds no parameters, so a causal and a bidirectional block of one size hold the same weights.
 */
public class TransformerBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    /** LayerNorm epsilon of the ViT and MAE reference code. */
    static final float LAYER_NORM_EPSILON = 1e-6f;
    /** Added to the scores of masked keys: exp underflows to exactly 0 after the row maximum is subtracted. */
    private static final float MASKED_SCORE = -1e9f;

    private final int dim;
    private final int heads;
    private final int mlpHidden;
    private final boolean causal;
    private final LayerNorm attentionNorm;
    private final Linear qkv;
    private final Linear projection;
    private final LayerNorm mlpNorm;
    private final Linear mlpIn;
    private final Linear mlpOut;

    /**
     * @param dim token width; a multiple of {@code heads}
     * @param heads attention heads
     * @param mlpHidden hidden units of the MLP (ViT: 4 x dim)
     */
    public TransformerBlock(int dim, int heads, int mlpHidden) {
        this(dim, heads, mlpHidden, false);
    }

    /**
     * @param dim token width; a multiple of {@code heads}
     * @param heads attention heads
     * @param mlpHidden hidden units of the MLP
     * @param causal whether token t attends only to tokens 0..t
     */
    public TransformerBlock(int dim, int heads, int mlpHidden, boolean causal) {
        super(VERSION);
        if (dim < 1 || heads < 1 || dim % heads != 0 || mlpHidden < 1) {
            throw new IllegalArgumentException(
                    "Invalid Transformer block: dim " + dim + ", heads " + heads + ", MLP hidden " + mlpHidden);
        }
        this.dim = dim;
        this.heads = heads;
        this.mlpHidden = mlpHidden;
        this.causal = causal;
        attentionNorm = addChildBlock("attention_norm", layerNorm());
        qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * dim).build());
        projection = addChildBlock("projection", Linear.builder().setUnits(dim).build());
        mlpNorm = addChildBlock("mlp_norm", layerNorm());
        mlpIn = addChildBlock("mlp_in", Linear.builder().setUnits(mlpHidden).build());
        mlpOut = addChildBlock("mlp_out", Linear.builder().setUnits(dim).build());
    }

    /** A LayerNorm over the last axis of (N, T, dim) token states, with the reference code's epsilon. */
    public static LayerNorm layerNorm() {
        return LayerNorm.builder().axis(2).optEpsilon(LAYER_NORM_EPSILON).build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().dimension() != 3 || x.getShape().get(2) != dim) {
            throw new IllegalArgumentException("Expected token states (N, T, " + dim + "), got " + x.getShape());
        }
        NDArray attended = attention(store, run(attentionNorm, store, x, training), training);
        x = x.add(attended);
        NDArray hidden = Activation.gelu(run(mlpIn, store, run(mlpNorm, store, x, training), training));
        return new NDList(x.add(run(mlpOut, store, hidden, training)));
    }

    /** Multi-head self-attention of (N, T, dim) normalised tokens; batched as (N x heads, T, d_head) products. */
    private NDArray attention(ParameterStore store, NDArray x, boolean training) {
        long n = x.getShape().get(0);
        long t = x.getShape().get(1);
        long headDim = dim / heads;
        NDArray packed = run(qkv, store, x, training)
                .reshape(n, t, 3, heads, headDim)
                .transpose(2, 0, 3, 1, 4)
                .reshape(3, n * heads, t, headDim);
        NDList qkvSplit = packed.split(3, 0);
        NDArray q = qkvSplit.get(0).reshape(n * heads, t, headDim).mul(1.0 / Math.sqrt(headDim));
        NDArray k = qkvSplit.get(1).reshape(n * heads, t, headDim);
        NDArray v = qkvSplit.get(2).reshape(n * heads, t, headDim);
        NDArray scores = q.batchMatMul(k.transpose(0, 2, 1));
        if (causal) {
            scores = scores.add(futureMask(scores.getManager(), t));
        }
        NDArray weights = scores.softmax(2);
        NDArray out = weights.batchMatMul(v)
                .reshape(n, heads, t, headDim)
                .transpose(0, 2, 1, 3)
                .reshape(n, t, dim);
        return run(projection, store, out, training);
    }

    /** (T, T) additive mask on the scores' manager: 0 where key j <= query i, a large negative number after it. */
    private static NDArray futureMask(NDManager manager, long t) {
        NDArray position = manager.arange(0f, (float) t);
        NDArray later = position.expandDims(0).gt(position.expandDims(1));
        return later.toType(DataType.FLOAT32, false).mul(MASKED_SCORE);
    }

    private static NDArray run(Block block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        attentionNorm.initialize(manager, dataType, tokens);
        qkv.initialize(manager, dataType, tokens);
        projection.initialize(manager, dataType, tokens);
        mlpNorm.initialize(manager, dataType, tokens);
        mlpIn.initialize(manager, dataType, tokens);
        mlpOut.initialize(manager, dataType, new Shape(tokens.get(0), tokens.get(1), mlpHidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
