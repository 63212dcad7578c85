package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;

/** Creates the method a run asks for by name. */
public final class SslMethods {
    private SslMethods() {
    }

    public static SslMethod create(LearnerConfig config, NDManager manager) {
        return switch (config.method()) {
            case SimClrMethod.NAME -> new SimClrMethod(manager, config.encoderSpec(),
                    config.getInt(LearnerConfig.PROJECTION_HIDDEN), config.getInt(LearnerConfig.PROJECTION_DIM),
                    config.getDouble(LearnerConfig.TEMPERATURE).floatValue());
            default -> throw new IllegalArgumentException("Unknown method " + config.method());
        };
    }
}
