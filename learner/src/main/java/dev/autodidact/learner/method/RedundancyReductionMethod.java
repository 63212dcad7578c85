package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.model.MlpHead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The shared body of Barlow Twins and VICReg: one encoder, the three-layer expander of both papers, both views in one
 * forward pass, and a loss on the two views' embeddings. No predictor, no target network, no negatives.
 */
final class RedundancyReductionMethod {
    private final NDManager manager;
    private final Map<String, Block> networks = new LinkedHashMap<>();
    private final BinaryOperator<NDArray> loss;

    RedundancyReductionMethod(NDManager manager, EncoderSpec spec, int expanderDim, BinaryOperator<NDArray> loss) {
        this.manager = manager;
        this.loss = loss;
        networks.put("encoder", Networks.encoder(manager, spec));
        networks.put("projector", Networks.head(manager, MlpHead.expander(expanderDim).build(), spec.featureDim()));
    }

    Block head() {
        return networks.get("projector");
    }

    Block encoder() {
        return networks.get("encoder");
    }

    List<Pair<String, Parameter>> trainableParameters() {
        return TrainableParameters.of(networks);
    }

    NDArray loss(String method, ParameterStore store, NDList views) {
        if (views.size() != 2) {
            throw new IllegalArgumentException(method + " needs 2 views, got " + views.size());
        }
        long n = views.get(0).getShape().get(0);
        NDList h = networks.get("encoder").forward(store, new NDList(NDArrays.concat(views, 0)), true);
        NDList z = networks.get("projector").forward(store, h, true).singletonOrThrow().split(new long[] {n}, 0);
        return loss.apply(z.get(0), z.get(1));
    }

    Map<String, byte[]> saveState() {
        return BlockState.saveAll(networks);
    }

    void loadState(Map<String, byte[]> sections) {
        BlockState.loadAll(networks, manager, sections);
    }
}
