package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The shared body of Barlow Twins and VICReg: one encoder, the three-layer expander of both papers, both views in one
 * forward pass, and a loss on the two views' embeddings. No predictor, no target network, no negatives. Subclasses
 * give the name, the loss and the hyper-parameters recorded in the manifest.
 */
abstract class RedundancyReductionMethod implements SslMethod {
    private static final String PROJECTOR = "projector";

    private final String name;
    private final EncoderArchitecture architecture;
    private final Networks networks;
    private final BinaryOperator<NDArray> loss;

    RedundancyReductionMethod(
            String name,
            NDManager manager,
            EncoderArchitecture architecture,
            int expanderDim,
            BinaryOperator<NDArray> loss) {
        this.name = name;
        this.architecture = architecture;
        this.loss = loss;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        networks.trainable(
                PROJECTOR, Networks.head(manager, MlpHead.expander(expanderDim).build(), architecture.featureDim()));
    }

    /** The method's hyper-parameters, added to the encoder's in the manifest. */
    abstract Map<String, String> settings();

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> inputs() {
        return Views.TWO;
    }

    @Override
    public final Block head() {
        return networks.get(PROJECTOR);
    }

    @Override
    public final Block encoder() {
        return networks.get(ENCODER_SECTION);
    }

    @Override
    public final List<Pair<String, Parameter>> trainableParameters() {
        return networks.trainableParameters();
    }

    @Override
    public final NDArray loss(ParameterStore store, NDList views, long step) {
        Views.require(name, views, 2);
        long n = views.get(0).getShape().get(0);
        NDArray h = networks.forward(store, ENCODER_SECTION, NDArrays.concat(views, 0));
        NDList z = networks.forward(store, PROJECTOR, h).split(new long[] {n}, 0);
        return loss.apply(z.get(0), z.get(1));
    }

    @Override
    public final Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.putAll(settings());
        return m;
    }

    @Override
    public final Map<String, byte[]> saveState() {
        return networks.save();
    }

    @Override
    public final void loadState(Map<String, byte[]> sections) {
        networks.load(sections);
    }
}
