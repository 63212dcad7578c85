package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.NegativeCosineLoss;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SimSiam (Chen and He, "Exploring Simple Siamese Representation Learning", CVPR 2021): one encoder with a projector
 * (BN on every layer, the output's without affine parameters) and a bottleneck predictor; the prediction of each view
 * regresses the other view's projection under stop-gradient ({@link NegativeCosineLoss}). No negatives, no momentum
 * encoder: the stop-gradient alone prevents collapse.
 */
public final class SimSiamMethod implements SslMethod {
    public static final String NAME = "simsiam";

    private final NDManager manager;
    private final EncoderSpec spec;
    private final int projectionHidden;
    private final int projectionDim;
    private final int predictorHidden;
    private final Map<String, Block> networks = new LinkedHashMap<>();

    /**
     * @param projectionHidden hidden units of the projector
     * @param projectionDim output of projector and predictor
     * @param predictorHidden the predictor's bottleneck (the paper: a quarter of {@code projectionDim})
     */
    public SimSiamMethod(NDManager manager, EncoderSpec spec, int projectionHidden, int projectionDim,
                         int predictorHidden) {
        this.manager = manager;
        this.spec = spec;
        this.projectionHidden = projectionHidden;
        this.projectionDim = projectionDim;
        this.predictorHidden = predictorHidden;
        networks.put("encoder", Networks.encoder(manager, spec));
        networks.put("projector", Networks.head(manager,
                MlpHead.simSiamProjector(projectionHidden, projectionDim).build(), spec.featureDim()));
        networks.put("predictor", Networks.head(manager, MlpHead.byol(predictorHidden, projectionDim).build(),
                projectionDim));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Block head() {
        return networks.get("projector");
    }

    @Override
    public Block encoder() {
        return networks.get("encoder");
    }

    @Override
    public List<Pair<String, Parameter>> trainableParameters() {
        return TrainableParameters.of(networks);
    }

    @Override
    public NDArray loss(ParameterStore store, NDList views) {
        if (views.size() != 2) {
            throw new IllegalArgumentException("SimSiam needs 2 views, got " + views.size());
        }
        long n = views.get(0).getShape().get(0);
        NDList h = networks.get("encoder").forward(store, new NDList(NDArrays.concat(views, 0)), true);
        NDArray z = networks.get("projector").forward(store, h, true).singletonOrThrow();
        NDArray p = networks.get("predictor").forward(store, new NDList(z), true).singletonOrThrow();
        NDList zs = z.split(new long[] {n}, 0);
        NDList ps = p.split(new long[] {n}, 0);
        return NegativeCosineLoss.symmetric(ps.get(0), ps.get(1), zs.get(0), zs.get(1));
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(spec.toMap());
        m.put("projector.hidden", Integer.toString(projectionHidden));
        m.put("projector.dim", Integer.toString(projectionDim));
        m.put("simsiam.predictor.hidden", Integer.toString(predictorHidden));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        return BlockState.saveAll(networks);
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        BlockState.loadAll(networks, manager, sections);
    }
}
