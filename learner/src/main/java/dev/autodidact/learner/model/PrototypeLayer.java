package dev.autodidact.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The last layer of DINO's head (Caron et al. 2021, appendix A): the input is L2-normalised and multiplied by a
 * weight-normalised matrix whose norm is fixed to 1 ({@code norm_last_layer=True}), so each output is the cosine
 * between the input and one of {@code prototypes} learned directions: {@code y_k = (x / ||x||) . (v_k / ||v_k||)}.
 * The normalised weights are moved to the input's manager, so that a step leaves nothing on the parameters' one.
 */
public final class PrototypeLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final double EPSILON = 1e-12;

    private final int prototypes;
    private final Parameter weight;

    /** @param prototypes number of outputs (DINO's {@code out_dim}, K) */
    public PrototypeLayer(int prototypes) {
        super(VERSION);
        if (prototypes < 1) {
            throw new IllegalArgumentException("Need at least one prototype, got " + prototypes);
        }
        this.prototypes = prototypes;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray prototypes = store.getValue(weight, x.getDevice(), training).normalize(2, 1, EPSILON);
        prototypes.attach(x.getManager());
        return new NDList(x.normalize(2, 1, EPSILON).matMul(prototypes.transpose()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), prototypes)};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(prototypes, inputShapes[0].get(1)));
    }
}
