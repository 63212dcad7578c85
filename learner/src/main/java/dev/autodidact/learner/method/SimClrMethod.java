package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.NtXentLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * SimCLR (Chen et al. 2020): two augmented views per example go through one encoder and an MLP projector (linear,
 * batch norm, ReLU, linear); NT-Xent pulls the two projections of an example together and pushes the other
 * {@code 2N-2} views of the batch away. Both views run in one forward pass so that batch norm sees the whole batch.
 */
public final class SimClrMethod implements NetworkedMethod {
    public static final String NAME = "simclr";
    public static final String TEMPERATURE_CONFIG = "simclr.temperature";
    private static final String TEMPERATURE_DOC = "NT-Xent temperature.";
    private static final String PROJECTOR = "projector";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            Recipe.CONTRASTIVE,
            def -> def.define(
                    TEMPERATURE_CONFIG, Type.DOUBLE, 0.2, Range.atLeast(1e-3), Importance.HIGH, TEMPERATURE_DOC),
            ctx -> new SimClrMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    ctx.projectionHidden(),
                    ctx.projectionDim(),
                    ctx.floatOf(TEMPERATURE_CONFIG)));

    private final EncoderArchitecture architecture;
    private final int projectionHidden;
    private final int projectionDim;
    private final float temperature;
    private final Networks networks;

    public SimClrMethod(
            NDManager manager,
            EncoderArchitecture architecture,
            int projectionHidden,
            int projectionDim,
            float temperature) {
        this.architecture = architecture;
        this.projectionHidden = projectionHidden;
        this.projectionDim = projectionDim;
        this.temperature = temperature;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        networks.trainable(
                PROJECTOR,
                Networks.head(
                        manager, MlpHead.simClr(projectionHidden, projectionDim).build(), architecture.featureDim()));
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
        Views.require(NAME, batch, 2);
        long n = batch.get(0).getShape().get(0);
        NDArray h = networks.forward(store, ENCODER_SECTION, NDArrays.concat(batch, 0));
        NDList halves = networks.forward(store, PROJECTOR, h).split(new long[] {n}, 0);
        return NtXentLoss.compute(halves.get(0), halves.get(1), temperature);
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put("projector.hidden", Integer.toString(projectionHidden));
        m.put("projector.dim", Integer.toString(projectionDim));
        m.put(TEMPERATURE_CONFIG, Float.toString(temperature));
        return m;
    }
}
