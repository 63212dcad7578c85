package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.model.EncoderSpec;

/** Creates the method a run asks for by name, with its knobs from the configuration. */
public final class SslMethods {
    private SslMethods() {
    }

    public static SslMethod create(LearnerConfig config, NDManager manager) {
        EncoderSpec spec = config.encoderSpec();
        int hidden = config.projectionHidden();
        int dim = config.projectionDim();
        long horizon = config.momentumHorizonSteps();
        return switch (config.method()) {
            case SimClrMethod.NAME -> new SimClrMethod(manager, spec, hidden, dim, floatOf(config,
                    LearnerConfig.TEMPERATURE));
            case ByolMethod.NAME -> new ByolMethod(manager, spec, new ByolMethod.Settings(hidden, dim,
                    new MomentumSchedule(config.getDouble(LearnerConfig.BYOL_MOMENTUM_BASE), horizon),
                    config.getBoolean(LearnerConfig.BYOL_ABLATION_NO_PREDICTOR_NO_EMA)));
            case MocoMethod.NAME -> new MocoMethod(manager, spec, new MocoMethod.Settings(hidden, dim,
                    config.getInt(LearnerConfig.MOCO_QUEUE_SIZE), floatOf(config, LearnerConfig.MOCO_TEMPERATURE),
                    MomentumSchedule.constant(config.getDouble(LearnerConfig.MOCO_MOMENTUM))));
            case DinoMethod.NAME -> new DinoMethod(manager, spec, dinoSettings(config, horizon));
            case SimSiamMethod.NAME -> {
                int predictorHidden = config.getInt(LearnerConfig.SIMSIAM_PREDICTOR_HIDDEN);
                yield new SimSiamMethod(manager, spec, hidden, dim,
                        predictorHidden > 0 ? predictorHidden : Math.max(1, dim / 4));
            }
            case BarlowTwinsMethod.NAME -> new BarlowTwinsMethod(manager, spec,
                    config.getInt(LearnerConfig.BARLOW_PROJECTION_DIM), floatOf(config, LearnerConfig.BARLOW_LAMBDA));
            case VicRegMethod.NAME -> new VicRegMethod(manager, spec, new VicRegMethod.Settings(
                    config.getInt(LearnerConfig.VICREG_PROJECTION_DIM), floatOf(config, LearnerConfig.VICREG_INVARIANCE),
                    floatOf(config, LearnerConfig.VICREG_VARIANCE), floatOf(config, LearnerConfig.VICREG_COVARIANCE)));
            default -> throw new IllegalArgumentException("Unknown method " + config.method());
        };
    }

    private static DinoMethod.Settings dinoSettings(LearnerConfig config, long horizon) {
        return new DinoMethod.Settings(config.getInt(LearnerConfig.DINO_HIDDEN),
                config.getInt(LearnerConfig.DINO_BOTTLENECK), config.getInt(LearnerConfig.DINO_OUT_DIM),
                config.getInt(LearnerConfig.DINO_LOCAL_CROPS), floatOf(config, LearnerConfig.DINO_STUDENT_TEMPERATURE),
                floatOf(config, LearnerConfig.DINO_TEACHER_TEMPERATURE_START),
                floatOf(config, LearnerConfig.DINO_TEACHER_TEMPERATURE),
                config.getLong(LearnerConfig.DINO_TEACHER_WARMUP_STEPS),
                config.getDouble(LearnerConfig.DINO_CENTER_MOMENTUM),
                new MomentumSchedule(config.getDouble(LearnerConfig.DINO_MOMENTUM_BASE), horizon));
    }

    private static float floatOf(LearnerConfig config, String key) {
        return config.getDouble(key).floatValue();
    }
}
