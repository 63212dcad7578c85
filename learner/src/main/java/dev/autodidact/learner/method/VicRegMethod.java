package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.VicRegLoss;
import dev.autodidact.learner.model.EncoderSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VICReg (Bardes, Ponce and LeCun, ICLR 2022): the two views' embeddings from a three-layer expander are pulled
 * together (invariance) while each branch keeps every dimension's standard deviation above 1 (variance) and its
 * dimensions decorrelated (covariance), see {@link VicRegLoss}.
 */
public final class VicRegMethod implements SslMethod {
    public static final String NAME = "vicreg";

    /**
     * @param expanderDim width of every expander layer (the paper: 8192)
     * @param invariance lambda (the paper: 25)
     * @param variance mu (the paper: 25)
     * @param covariance nu (the paper: 1)
     */
    public record Settings(int expanderDim, float invariance, float variance, float covariance) {
    }

    private final EncoderSpec spec;
    private final Settings settings;
    private final RedundancyReductionMethod body;

    public VicRegMethod(NDManager manager, EncoderSpec spec, Settings settings) {
        this.spec = spec;
        this.settings = settings;
        this.body = new RedundancyReductionMethod(manager, spec, settings.expanderDim(),
                (a, b) -> VicRegLoss.compute(a, b, settings.invariance(), settings.variance(), settings.covariance()));
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
        return body.loss("VICReg", store, views);
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(spec.toMap());
        m.put("vicreg.projection.dim", Integer.toString(settings.expanderDim()));
        m.put("vicreg.invariance", Float.toString(settings.invariance()));
        m.put("vicreg.variance", Float.toString(settings.variance()));
        m.put("vicreg.covariance", Float.toString(settings.covariance()));
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
