package dev.autodidact.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * What wav2vec 2.0 (Baevski et al. 2020) adds around its encoder for pre-training only: the learned mask embedding
 * that stands in for each masked latent frame (initialised uniform in [0, 1) as in the reference code; it replaces the
 * latent itself, before the context network's LayerNorm and input projection, where the reference code replaces the
 * projected features, so that the context network stays one published block), the projection
 * of the context to the space the loss compares in ({@code final_proj}), and the projection of the latents into the
 * same space, which with continuous targets takes the quantizer's place ({@code project_q}).
 *
 * <p>Forward: the context at the masked steps (N, S, contextDim) and the latents at the same steps (N, S, latentDim)
 * become the predictions and the targets, both (N, S, dim).
 */
public final class Wav2Vec2Heads extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int latentDim;
    private final Parameter maskEmbedding;
    private final Linear prediction;
    private final Linear target;

    /**
     * @param latentDim width of a latent frame, D
     * @param dim width of the space predictions and targets are compared in
     */
    public Wav2Vec2Heads(int latentDim, int dim) {
        super(VERSION);
        if (latentDim < 1 || dim < 1) {
            throw new IllegalArgumentException("Invalid wav2vec 2.0 heads: latent " + latentDim + ", dim " + dim);
        }
        this.latentDim = latentDim;
        maskEmbedding = addParameter(Parameter.builder()
                .setName("mask_embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(latentDim))
                .optInitializer((manager, shape, dataType) -> manager.randomUniform(0, 1, shape, dataType))
                .build());
        prediction = addChildBlock("prediction", Linear.builder().setUnits(dim).build());
        target = addChildBlock("target", Linear.builder().setUnits(dim).build());
    }

    /**
     * The latents with the masked frames replaced by the mask embedding, on the latents' manager.
     *
     * @param latents (N, T', D)
     * @param mask (N, T', 1), 1 at the masked frames and 0 elsewhere
     */
    public NDArray mask(ParameterStore store, NDArray latents, NDArray mask, boolean training) {
        NDArray embedding = store.getValue(maskEmbedding, latents.getDevice(), training);
        return latents.mul(mask.neg().add(1)).add(mask.mul(embedding));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2 || inputs.get(1).getShape().get(2) != latentDim) {
            throw new IllegalArgumentException("The wav2vec 2.0 heads take the context and the latents (N, S, "
                    + latentDim + ") of the masked steps");
        }
        NDArray predictions =
                prediction.forward(store, new NDList(inputs.get(0)), training).singletonOrThrow();
        NDArray targets =
                target.forward(store, new NDList(inputs.get(1)), training).singletonOrThrow();
        return new NDList(predictions, targets);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        prediction.initialize(manager, dataType, inputShapes[0]);
        target.initialize(manager, dataType, inputShapes[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {
            prediction.getOutputShapes(new Shape[] {inputShapes[0]})[0],
            target.getOutputShapes(new Shape[] {inputShapes[1]})[0]
        };
    }
}
