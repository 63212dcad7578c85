package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.NegativeCosineLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * SimSiam (Chen and He, "Exploring Simple Siamese Representation Learning", CVPR 2021): one encoder with a projector
 * (BN on every layer, the output's without affine parameters) and a bottleneck predictor; the prediction of each view
 * regresses the other view's projection under stop-gradient ({@link NegativeCosineLoss}). No negatives, no momentum
 * encoder: the stop-gradient alone prevents collapse.
 */
public final class SimSiamMethod implements NetworkedMethod {
    public static final String NAME = "simsiam";
    public static final String PREDICTOR_HIDDEN_CONFIG = "simsiam.predictor.hidden";
    private static final String PREDICTOR_HIDDEN_DOC =
            "SimSiam predictor bottleneck; 0: a quarter of " + "projection.dim, as in the paper.";
    private static final String PROJECTOR = "projector";
    private static final String PREDICTOR = "predictor";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            new Recipe(Recipe.ADAMW, 1e-3, 1e-4, 512, 512),
            def -> def.define(
                    PREDICTOR_HIDDEN_CONFIG,
                    Type.INT,
                    0,
                    Range.between(0, 65536),
                    Importance.LOW,
                    PREDICTOR_HIDDEN_DOC),
            ctx -> {
                int predictorHidden = ctx.settings().getInt(PREDICTOR_HIDDEN_CONFIG);
                return new SimSiamMethod(
                        ctx.manager(),
                        ctx.encoder(),
                        ctx.projectionHidden(),
                        ctx.projectionDim(),
                        predictorHidden > 0 ? predictorHidden : Math.max(1, ctx.projectionDim() / 4));
            });

    private final EncoderArchitecture architecture;
    private final int projectionHidden;
    private final int projectionDim;
    private final int predictorHidden;
    private final Networks networks;

    /**
     * @param projectionHidden hidden units of the projector
     * @param projectionDim output of projector and predictor
     * @param predictorHidden the predictor's bottleneck (the paper: a quarter of {@code projectionDim})
     */
    public SimSiamMethod(
            NDManager manager,
            EncoderArchitecture architecture,
            int projectionHidden,
            int projectionDim,
            int predictorHidden) {
        this.architecture = architecture;
        this.projectionHidden = projectionHidden;
        this.projectionDim = projectionDim;
        this.predictorHidden = predictorHidden;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        networks.trainable(
                PROJECTOR,
                Networks.head(
                        manager,
                        MlpHead.simSiamProjector(projectionHidden, projectionDim)
                                .build(),
                        architecture.featureDim()));
        networks.trainable(
                PREDICTOR,
                Networks.head(
                        manager, MlpHead.byol(predictorHidden, projectionDim).build(), projectionDim));
    }

    @Override
    public Networks networks() {
        return networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> inputs() {
        return Views.TWO;
    }

    @Override
    public Block head() {
        return networks.get(PROJECTOR);
    }

    @Override
    public NDArray loss(ParameterStore store, NDList views, long step) {
        Views.require("SimSiam", views, 2);
        long n = views.get(0).getShape().get(0);
        NDArray h = networks.forward(store, ENCODER_SECTION, NDArrays.concat(views, 0));
        NDArray z = networks.forward(store, PROJECTOR, h);
        NDArray p = networks.forward(store, PREDICTOR, z);
        NDList zs = z.split(new long[] {n}, 0);
        NDList ps = p.split(new long[] {n}, 0);
        return NegativeCosineLoss.symmetric(ps.get(0), ps.get(1), zs.get(0), zs.get(1));
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put("projector.hidden", Integer.toString(projectionHidden));
        m.put("projector.dim", Integer.toString(projectionDim));
        m.put(PREDICTOR_HIDDEN_CONFIG, Integer.toString(predictorHidden));
        return m;
    }
}
