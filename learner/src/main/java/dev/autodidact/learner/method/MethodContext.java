package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.EncoderArchitecture;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * What a method's factory gets: where to create its networks, the encoder architecture to build (of whichever
 * modality), and the learner's settings, from which it reads its own prefixed keys and the shared ones resolved
 * against its {@link Recipe}.
 *
 * @param manager the long-lived manager of the networks and the method's state
 * @param encoder the encoder architecture
 * @param settings the learner's configuration
 * @param projectionHidden projector (and predictor) hidden units: the configured value, else the recipe's
 * @param projectionDim projector output size: the configured value, else the recipe's
 * @param momentumHorizonSteps the step at which cosine momentum schedules reach 1; 0 for none
 */
public record MethodContext(
        NDManager manager,
        EncoderArchitecture encoder,
        AbstractConfig settings,
        int projectionHidden,
        int projectionDim,
        long momentumHorizonSteps) {

    public float floatOf(String key) {
        return settings.getDouble(key).floatValue();
    }
}
