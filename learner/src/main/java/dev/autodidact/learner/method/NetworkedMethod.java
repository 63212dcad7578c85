package dev.autodidact.learner.method;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;

/**
 * A method whose state is its {@link Networks} and nothing else unless it says so: the published encoder is the
 * network named {@link SslMethod#ENCODER_SECTION}, the optimizer trains the trainable networks, and the checkpoint
 * holds one section per network. A method with more state (a queue, centroids, a teacher that is published) overrides
 * the member concerned and calls back into {@link #networks()} for the rest.
 */
interface NetworkedMethod extends SslMethod {
    /** The method's networks by name. */
    Networks networks();

    @Override
    default Block encoder() {
        return networks().get(ENCODER_SECTION);
    }

    @Override
    default List<Pair<String, Parameter>> trainableParameters() {
        return networks().trainableParameters();
    }

    @Override
    default Map<String, byte[]> saveState() {
        return networks().save();
    }

    @Override
    default void loadState(Map<String, byte[]> sections) {
        networks().load(sections);
    }
}
