package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.ByolLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * BYOL (Grill et al., "Bootstrap Your Own Latent", NeurIPS 2020): an online network (encoder, projector, predictor)
 * predicts the projection that a target network (encoder, projector) gives of the other view; the target is an EMA of
 * the online weights with BYOL's cosine momentum schedule, gets no gradient (stop-gradient), and the loss
 * ({@link ByolLoss}) is symmetrised over the two views. No negatives. The published encoder is the online one.
 *
 * <p>The ablation switch ({@link Settings#noPredictorNoEma}) removes the predictor and uses the online network itself,
 * under stop-gradient, as the target (momentum 0): the BYOL paper reports that this collapses (table 5b), and the
 * collapse shows in the health signal {@code health.projection.std} (the projector's output spreads no more).
 */
public final class ByolMethod implements NetworkedMethod {
    public static final String NAME = "byol";
    public static final String MOMENTUM_BASE_CONFIG = "byol.momentum.base";
    private static final String MOMENTUM_BASE_DOC = "BYOL target momentum at step 0. The paper's 0.996 averages over "
            + "~250 steps, a large part of a short CPU run; 0.99 (~100 steps) is the usual CIFAR-scale value.";
    public static final String ABLATION_NO_PREDICTOR_NO_EMA_CONFIG = "byol.ablation.no.predictor.no.ema";
    private static final String ABLATION_NO_PREDICTOR_NO_EMA_DOC = "Ablation: BYOL without predictor and with the "
            + "online network as its own target. Collapses (BYOL table 5b); for demonstrating the collapse detector, "
            + "not for training.";
    private static final String PROJECTOR = "projector";
    private static final String PREDICTOR = "predictor";
    private static final String TARGET_ENCODER = "target.encoder";
    private static final String TARGET_PROJECTOR = "target.projector";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            new Recipe(Recipe.ADAMW, 2e-3, 1e-4, 1024, 256),
            def -> def.define(
                            MOMENTUM_BASE_CONFIG,
                            Type.DOUBLE,
                            0.99,
                            Range.between(0, 1),
                            Importance.MEDIUM,
                            MOMENTUM_BASE_DOC)
                    .define(
                            ABLATION_NO_PREDICTOR_NO_EMA_CONFIG,
                            Type.BOOLEAN,
                            false,
                            Importance.LOW,
                            ABLATION_NO_PREDICTOR_NO_EMA_DOC),
            ctx -> new ByolMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.projectionHidden(),
                            ctx.projectionDim(),
                            new MomentumSchedule(
                                    ctx.settings().getDouble(MOMENTUM_BASE_CONFIG), ctx.momentumHorizonSteps()),
                            ctx.settings().getBoolean(ABLATION_NO_PREDICTOR_NO_EMA_CONFIG))));

    /**
     * @param hidden hidden units of projector and predictor
     * @param out output size of projector and predictor
     * @param momentum the target's momentum as a function of the step
     * @param noPredictorNoEma the collapse ablation: no predictor, target = online network under stop-gradient
     */
    public record Settings(int hidden, int out, MomentumSchedule momentum, boolean noPredictorNoEma) {}

    private final EncoderArchitecture architecture;
    private final Settings settings;
    private final Networks networks;
    private final EmaTarget ema;

    public ByolMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        this.architecture = architecture;
        this.settings = settings;
        this.networks = new Networks(manager);
        Block encoder = networks.trainable(ENCODER_SECTION, architecture.build(manager));
        Block projector = networks.trainable(PROJECTOR, head(manager, architecture.featureDim()));
        if (settings.noPredictorNoEma()) {
            ema = null;
        } else {
            networks.trainable(PREDICTOR, head(manager, settings.out()));
            Block targetEncoder = networks.target(TARGET_ENCODER, architecture.build(manager));
            Block targetProjector = networks.target(TARGET_PROJECTOR, head(manager, architecture.featureDim()));
            ema = new EmaTarget(manager, List.of(encoder, projector), List.of(targetEncoder, targetProjector));
        }
    }

    private Block head(NDManager manager, int in) {
        return Networks.head(
                manager, MlpHead.byol(settings.hidden(), settings.out()).build(), in);
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
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        Views.require("BYOL", batch, 2);
        long n = batch.get(0).getShape().get(0);
        NDArray both = NDArrays.concat(batch, 0);
        NDArray projections = networks.forward(store, PROJECTOR, networks.forward(store, ENCODER_SECTION, both));
        if (ema == null) {
            NDList z = projections.split(new long[] {n}, 0);
            return ByolLoss.symmetric(z.get(0), z.get(1), z.get(0), z.get(1));
        }
        NDList p = networks.forward(store, PREDICTOR, projections).split(new long[] {n}, 0);
        NDArray targetFeatures = networks.forward(store, TARGET_ENCODER, both.stopGradient());
        NDList z = networks.forward(store, TARGET_PROJECTOR, targetFeatures).split(new long[] {n}, 0);
        return ByolLoss.symmetric(p.get(0), p.get(1), z.get(0), z.get(1));
    }

    @Override
    public void afterStep(long step) {
        if (ema != null) {
            ema.update(settings.momentum().at(step));
        }
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put("projector.hidden", Integer.toString(settings.hidden()));
        m.put("projector.dim", Integer.toString(settings.out()));
        m.put(MOMENTUM_BASE_CONFIG, Double.toString(settings.momentum().base()));
        m.put("byol.momentum.horizon.steps", Long.toString(settings.momentum().horizonSteps()));
        m.put(ABLATION_NO_PREDICTOR_NO_EMA_CONFIG, Boolean.toString(settings.noPredictorNoEma()));
        return m;
    }
}
