package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.ByolLoss;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public final class ByolMethod implements SslMethod {
    public static final String NAME = "byol";

    /**
     * @param hidden hidden units of projector and predictor
     * @param out output size of projector and predictor
     * @param momentum the target's momentum as a function of the step
     * @param noPredictorNoEma the collapse ablation: no predictor, target = online network under stop-gradient
     */
    public record Settings(int hidden, int out, MomentumSchedule momentum, boolean noPredictorNoEma) {
    }

    private final NDManager manager;
    private final EncoderSpec spec;
    private final Settings settings;
    private final Map<String, Block> online = new LinkedHashMap<>();
    private final Map<String, Block> target = new LinkedHashMap<>();
    private final EmaTarget ema;

    public ByolMethod(NDManager manager, EncoderSpec spec, Settings settings) {
        this.manager = manager;
        this.spec = spec;
        this.settings = settings;
        online.put("encoder", Networks.encoder(manager, spec));
        online.put("projector", head(manager, spec.featureDim()));
        if (settings.noPredictorNoEma()) {
            ema = null;
        } else {
            online.put("predictor", head(manager, settings.out()));
            target.put("target.encoder", Networks.encoder(manager, spec));
            target.put("target.projector", head(manager, spec.featureDim()));
            ema = new EmaTarget(manager, List.of(online.get("encoder"), online.get("projector")),
                    List.copyOf(target.values()));
        }
    }

    private Block head(NDManager manager, int in) {
        return Networks.head(manager, MlpHead.byol(settings.hidden(), settings.out()).build(), in);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Block head() {
        return online.get("projector");
    }

    @Override
    public Block encoder() {
        return online.get("encoder");
    }

    @Override
    public List<Pair<String, Parameter>> trainableParameters() {
        return TrainableParameters.of(online);
    }

    @Override
    public NDArray loss(ParameterStore store, NDList views) {
        if (views.size() != 2) {
            throw new IllegalArgumentException("BYOL needs 2 views, got " + views.size());
        }
        long n = views.get(0).getShape().get(0);
        NDArray both = NDArrays.concat(views, 0);
        NDArray projections = project(store, online, both);
        if (ema == null) {
            NDList z = projections.split(new long[] {n}, 0);
            return ByolLoss.symmetric(z.get(0), z.get(1), z.get(0), z.get(1));
        }
        NDList p = online.get("predictor").forward(store, new NDList(projections), true).singletonOrThrow()
                .split(new long[] {n}, 0);
        NDList z = project(store, target, both.stopGradient()).split(new long[] {n}, 0);
        return ByolLoss.symmetric(p.get(0), p.get(1), z.get(0), z.get(1));
    }

    /** Encoder then projector of {@code networks} (the first two entries) on a batch, in training mode. */
    private static NDArray project(ParameterStore store, Map<String, Block> networks, NDArray x) {
        List<Block> blocks = List.copyOf(networks.values());
        NDList h = blocks.get(0).forward(store, new NDList(x), true);
        return blocks.get(1).forward(store, h, true).singletonOrThrow();
    }

    @Override
    public void afterStep(long step) {
        if (ema != null) {
            ema.update(settings.momentum().at(step));
        }
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(spec.toMap());
        m.put("projector.hidden", Integer.toString(settings.hidden()));
        m.put("projector.dim", Integer.toString(settings.out()));
        m.put("byol.momentum.base", Double.toString(settings.momentum().base()));
        m.put("byol.momentum.horizon.steps", Long.toString(settings.momentum().horizonSteps()));
        m.put("byol.ablation.no.predictor.no.ema", Boolean.toString(settings.noPredictorNoEma()));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        Map<String, byte[]> sections = BlockState.saveAll(online);
        sections.putAll(BlockState.saveAll(target));
        return sections;
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        BlockState.loadAll(online, manager, sections);
        BlockState.loadAll(target, manager, sections);
    }
}
