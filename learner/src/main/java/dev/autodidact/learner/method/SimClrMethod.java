package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.NtXentLoss;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.model.ProjectionHead;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SimCLR (Chen et al. 2020): two augmented views per image go through one encoder and an MLP projector; NT-Xent pulls
 * the two projections of an image together and pushes the other {@code 2N-2} views of the batch away. Both views run
 * in one forward pass so that batch norm sees the whole batch.
 */
public final class SimClrMethod implements SslMethod {
    public static final String NAME = "simclr";

    private final EncoderSpec spec;
    private final int projectionHidden;
    private final int projectionDim;
    private final float temperature;
    private final NDManager manager;
    private final Block encoder;
    private final Block projector;

    public SimClrMethod(NDManager manager, EncoderSpec spec, int projectionHidden, int projectionDim,
                        float temperature) {
        this.spec = spec;
        this.projectionHidden = projectionHidden;
        this.projectionDim = projectionDim;
        this.temperature = temperature;
        this.manager = manager;
        this.encoder = Networks.encoder(manager, spec);
        this.projector = Networks.head(manager, ProjectionHead.build(projectionHidden, projectionDim),
                spec.featureDim());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Block head() {
        return projector;
    }

    @Override
    public Block encoder() {
        return encoder;
    }

    @Override
    public List<Pair<String, Parameter>> trainableParameters() {
        Map<String, Block> networks = new LinkedHashMap<>();
        networks.put("encoder", encoder);
        networks.put("projector", projector);
        return TrainableParameters.of(networks);
    }

    @Override
    public NDArray loss(ParameterStore store, NDList views) {
        if (views.size() != 2) {
            throw new IllegalArgumentException("SimCLR needs 2 views, got " + views.size());
        }
        long n = views.get(0).getShape().get(0);
        NDArray both = NDArrays.concat(views, 0);
        NDArray h = encoder.forward(store, new NDList(both), true).singletonOrThrow();
        NDArray z = projector.forward(store, new NDList(h), true).singletonOrThrow();
        NDList halves = z.split(new long[] {n}, 0);
        return NtXentLoss.compute(halves.get(0), halves.get(1), temperature);
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(spec.toMap());
        m.put("projector.hidden", Integer.toString(projectionHidden));
        m.put("projector.dim", Integer.toString(projectionDim));
        m.put("simclr.temperature", Float.toString(temperature));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("encoder", BlockState.save(encoder));
        sections.put("projector", BlockState.save(projector));
        return sections;
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        BlockState.load(encoder, manager, sections.get("encoder"));
        BlockState.load(projector, manager, sections.get("projector"));
    }
}
