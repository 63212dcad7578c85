package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.BarlowTwinsLoss;
import dev.autodidact.learner.model.EncoderSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Barlow Twins (Zbontar et al., ICML 2021): the cross-correlation of the two views' standardised embeddings, from a
 * three-layer expander, is driven towards the identity ({@link BarlowTwinsLoss}, trade-off {@code lambda}).
 */
public final class BarlowTwinsMethod implements SslMethod {
    public static final String NAME = "barlow_twins";

    private final EncoderSpec spec;
    private final int expanderDim;
    private final float lambda;
    private final RedundancyReductionMethod body;

    /**
     * @param expanderDim width of every expander layer (the paper: 8192)
     * @param lambda weight of the off-diagonal term (the paper: 5e-3)
     */
    public BarlowTwinsMethod(NDManager manager, EncoderSpec spec, int expanderDim, float lambda) {
        this.spec = spec;
        this.expanderDim = expanderDim;
        this.lambda = lambda;
        this.body = new RedundancyReductionMethod(manager, spec, expanderDim,
                (a, b) -> BarlowTwinsLoss.compute(a, b, lambda));
    }

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Block encoder() {
        return body.encoder();
    }

    @Override
    public Block head() {
        return body.head();
    }

    @Override
    public List<Pair<String, Parameter>> trainableParameters() {
        return body.trainableParameters();
    }

    @Override
    public NDArray loss(ParameterStore store, NDList views) {
        return body.loss("Barlow Twins", store, views);
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(spec.toMap());
        m.put("barlow.projection.dim", Integer.toString(expanderDim));
        m.put("barlow.lambda", Float.toString(lambda));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        return body.saveState();
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        body.loadState(sections);
    }
}
