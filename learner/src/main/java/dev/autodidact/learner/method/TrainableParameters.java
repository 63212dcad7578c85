package dev.autodidact.learner.method;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parameters an optimizer updates, named {@code <network>.<parameter>} so that optimizer state survives restarts. */
final class TrainableParameters {
    private TrainableParameters() {
    }

    /** Parameters of the named online networks that take gradients (not batch-norm running statistics). */
    static List<Pair<String, Parameter>> of(Map<String, Block> networks) {
        List<Pair<String, Parameter>> params = new ArrayList<>();
        networks.forEach((name, block) -> block.getParameters().forEach(p -> {
            if (p.getValue().requiresGradient()) {
                params.add(new Pair<>(name + "." + p.getKey(), p.getValue()));
            }
        }));
        return params;
    }
}
