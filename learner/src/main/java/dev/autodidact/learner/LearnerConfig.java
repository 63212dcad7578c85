package dev.autodidact.learner;

import dev.autodidact.learner.method.Recipe;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.internal.KafkaServiceSettings;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the learner service. Unknown keys are passed to the Kafka clients (security settings etc.). */
public final class LearnerConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = KafkaServiceSettings.BOOTSTRAP_SERVERS;
    public static final String TOPIC_PREFIX = KafkaServiceSettings.TOPIC_PREFIX;
    public static final String MODALITY = KafkaServiceSettings.MODALITY;
    public static final String METHOD = "method";
    public static final String GROUP_ID = "group.id";
    public static final String TRANSACTIONAL_ID = "transactional.id";
    public static final String BATCH_SIZE = "batch.size";
    public static final String LEARNING_RATE = "learning.rate";
    public static final String WEIGHT_DECAY = "weight.decay";
    public static final String OPTIMIZER = "optimizer";
    public static final String SGD_MOMENTUM = "sgd.momentum";
    public static final String WARMUP_STEPS = "warmup.steps";
    public static final String TEMPERATURE = "temperature";
    public static final String IMAGE_SIZE = "image.size";
    public static final String ENCODER_WIDTHS = "encoder.widths";
    public static final String ENCODER_RESIDUAL_BLOCKS = "encoder.residual.blocks";
    public static final String PROJECTION_HIDDEN = "projection.hidden";
    public static final String PROJECTION_DIM = "projection.dim";
    public static final String CHECKPOINT_INTERVAL_STEPS = "checkpoint.interval.steps";
    public static final String CHECKPOINT_INTERVAL_MS = "checkpoint.interval.ms";
    public static final String CHECKPOINT_DIR = "checkpoint.dir";
    public static final String CHECKPOINT_CHUNK_BYTES = "checkpoint.chunk.bytes";
    public static final String CHECKPOINT_RETAIN_VERSIONS = "checkpoint.retain.versions";
    public static final String MAX_STEPS = "max.steps";
    public static final String MAX_DURATION_MS = "max.duration.ms";
    public static final String MAX_NONFINITE_STEPS = "max.consecutive.nonfinite.steps";
    public static final String SEED = "seed";
    public static final String MOMENTUM_HORIZON_STEPS = "momentum.horizon.steps";
    public static final String BYOL_MOMENTUM_BASE = "byol.momentum.base";
    public static final String BYOL_ABLATION_NO_PREDICTOR_NO_EMA = "byol.ablation.no.predictor.no.ema";
    public static final String MOCO_QUEUE_SIZE = "moco.queue.size";
    public static final String MOCO_TEMPERATURE = "moco.temperature";
    public static final String MOCO_MOMENTUM = "moco.momentum";
    public static final String DINO_HIDDEN = "dino.hidden";
    public static final String DINO_BOTTLENECK = "dino.bottleneck";
    public static final String DINO_OUT_DIM = "dino.out.dim";
    public static final String DINO_LOCAL_CROPS = "dino.local.crops";
    public static final String DINO_STUDENT_TEMPERATURE = "dino.student.temperature";
    public static final String DINO_TEACHER_TEMPERATURE = "dino.teacher.temperature";
    public static final String DINO_TEACHER_TEMPERATURE_START = "dino.teacher.temperature.start";
    public static final String DINO_TEACHER_WARMUP_STEPS = "dino.teacher.warmup.steps";
    public static final String DINO_CENTER_MOMENTUM = "dino.center.momentum";
    public static final String DINO_MOMENTUM_BASE = "dino.momentum.base";
    public static final String SIMSIAM_PREDICTOR_HIDDEN = "simsiam.predictor.hidden";
    public static final String BARLOW_LAMBDA = "barlow.lambda";
    public static final String BARLOW_PROJECTION_DIM = "barlow.projection.dim";
    public static final String VICREG_INVARIANCE = "vicreg.invariance";
    public static final String VICREG_VARIANCE = "vicreg.variance";
    public static final String VICREG_COVARIANCE = "vicreg.covariance";
    public static final String VICREG_PROJECTION_DIM = "vicreg.projection.dim";

    /** Every method a run may ask for with {@code --method}. */
    public static final List<String> METHODS = List.of("simclr", "byol", "moco", "dino", "simsiam", "barlow_twins",
            "vicreg");
    public static final String HEALTH_SAMPLE_SIZE = "health.sample.size";
    public static final String PROBE_MAX_RECORDS = "probe.max.records";
    public static final String COLLAPSE_STD_FRACTION = "health.collapse.std.fraction";
    public static final String COLLAPSE_GUARD = "health.collapse.guard";
    public static final String MAX_ROLLBACKS = "max.rollbacks";

    static final ConfigDef CONFIG = KafkaServiceSettings.base("Modality to learn from.")
            .define(METHOD, Type.STRING, "simclr", ConfigDef.ValidString.in(METHODS.toArray(String[]::new)),
                    Importance.HIGH, "Self-supervised method.")
            .define(MOMENTUM_HORIZON_STEPS, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                    "Step at which the cosine momentum schedules of byol and dino reach 1 (BYOL sec. 3.2). 0: max.steps "
                            + "when that is set, otherwise none (the momentum stays at its base, for unbounded streams).")
            .define(BYOL_MOMENTUM_BASE, Type.DOUBLE, 0.99, Range.between(0, 1), Importance.MEDIUM,
                    "BYOL target momentum at step 0. The paper's 0.996 averages over ~250 steps, a large part of a "
                            + "short CPU run; 0.99 (~100 steps) is the usual CIFAR-scale value.")
            .define(BYOL_ABLATION_NO_PREDICTOR_NO_EMA, Type.BOOLEAN, false, Importance.LOW,
                    "Ablation: BYOL without predictor and with the online network as its own target. Collapses "
                            + "(BYOL table 5b); for demonstrating the collapse detector, not for training.")
            .define(MOCO_QUEUE_SIZE, Type.INT, 4096, Range.atLeast(1), Importance.MEDIUM,
                    "MoCo negatives kept in the queue (the paper: 65536 on ImageNet; 4096 at CIFAR scale).")
            .define(MOCO_TEMPERATURE, Type.DOUBLE, 0.2, Range.atLeast(1e-3), Importance.MEDIUM,
                    "MoCo v2 InfoNCE temperature.")
            .define(MOCO_MOMENTUM, Type.DOUBLE, 0.99, Range.between(0, 1), Importance.MEDIUM,
                    "MoCo key encoder momentum (constant). The paper's 0.999 suits ~10^5+ steps; 0.99 short runs.")
            .define(DINO_HIDDEN, Type.INT, 256, Range.atLeast(1), Importance.LOW, "DINO head hidden units.")
            .define(DINO_BOTTLENECK, Type.INT, 64, Range.atLeast(1), Importance.LOW,
                    "DINO head bottleneck before the prototype layer.")
            .define(DINO_OUT_DIM, Type.INT, 1024, Range.atLeast(2), Importance.MEDIUM,
                    "DINO prototypes K (the paper: 65536 on ImageNet).")
            .define(DINO_LOCAL_CROPS, Type.INT, 6, Range.between(0, 62), Importance.MEDIUM,
                    "DINO local crops per example after the 2 global ones (the paper's 2x224 + 6x96 setting); must "
                            + "match the stream-app's dino.local.crops.")
            .define(DINO_STUDENT_TEMPERATURE, Type.DOUBLE, 0.1, Range.atLeast(1e-3), Importance.MEDIUM,
                    "DINO student temperature.")
            .define(DINO_TEACHER_TEMPERATURE, Type.DOUBLE, 0.07, Range.atLeast(1e-3), Importance.MEDIUM,
                    "DINO teacher temperature after the warm-up.")
            .define(DINO_TEACHER_TEMPERATURE_START, Type.DOUBLE, 0.04, Range.atLeast(1e-3), Importance.LOW,
                    "DINO teacher temperature at step 0.")
            .define(DINO_TEACHER_WARMUP_STEPS, Type.LONG, 300L, Range.atLeast(0), Importance.LOW,
                    "Steps of the linear teacher temperature warm-up.")
            .define(DINO_CENTER_MOMENTUM, Type.DOUBLE, 0.9, Range.between(0, 1), Importance.LOW,
                    "DINO centre EMA momentum.")
            .define(DINO_MOMENTUM_BASE, Type.DOUBLE, 0.99, Range.between(0, 1), Importance.MEDIUM,
                    "DINO teacher momentum at step 0 (the paper: 0.996 on ImageNet).")
            .define(SIMSIAM_PREDICTOR_HIDDEN, Type.INT, 0, Range.atLeast(0), Importance.LOW,
                    "SimSiam predictor bottleneck; 0: a quarter of projection.dim, as in the paper.")
            .define(BARLOW_LAMBDA, Type.DOUBLE, 5e-3, Range.atLeast(0), Importance.MEDIUM,
                    "Barlow Twins weight of the off-diagonal (redundancy) term.")
            .define(BARLOW_PROJECTION_DIM, Type.INT, 512, Range.atLeast(2), Importance.LOW,
                    "Barlow Twins expander width (the paper: 8192).")
            .define(VICREG_INVARIANCE, Type.DOUBLE, 25.0, Range.atLeast(0), Importance.MEDIUM,
                    "VICReg invariance coefficient lambda.")
            .define(VICREG_VARIANCE, Type.DOUBLE, 25.0, Range.atLeast(0), Importance.MEDIUM,
                    "VICReg variance coefficient mu.")
            .define(VICREG_COVARIANCE, Type.DOUBLE, 1.0, Range.atLeast(0), Importance.MEDIUM,
                    "VICReg covariance coefficient nu.")
            .define(VICREG_PROJECTION_DIM, Type.INT, 512, Range.atLeast(2), Importance.LOW,
                    "VICReg expander width (the paper: 8192).")
            .define(GROUP_ID, Type.STRING, "autodidact-learner", Importance.MEDIUM,
                    "Consumer group prefix: the group is <group.id>-<method>, so methods never rebalance each "
                            + "other; its offsets are committed only together with checkpoints.")
            .define(CHECKPOINT_RETAIN_VERSIONS, Type.INT, 5, Range.between(1, 1000), Importance.MEDIUM,
                    "Checkpoints kept with their weights per method, on the topic and in checkpoint.dir; older "
                            + "versions keep only their manifest, as history.")
            .define(TRANSACTIONAL_ID, Type.STRING, "", Importance.MEDIUM,
                    "Transactional id of the checkpoint producer; default <group.id>-<method>. A restarted learner "
                            + "with the same id fences the old one.")
            .define(BATCH_SIZE, Type.INT, 256, Range.atLeast(2), Importance.HIGH, "Examples per step.")
            .define(OPTIMIZER, Type.STRING, null, optional(ConfigDef.ValidString.in(Recipe.ADAMW,
                            Recipe.SGD)), Importance.HIGH,
                    "adamw, or sgd with momentum sgd.momentum (the SimSiam and MoCo papers' optimizer; it needs a "
                            + "learning rate near 0.05). Unset: the method's recipe (adamw for every method).")
            .define(LEARNING_RATE, Type.DOUBLE, null, optional(Range.atLeast(0)), Importance.HIGH,
                    "Peak learning rate after warm-up. Unset: the method's recipe (see Recipe).")
            .define(WEIGHT_DECAY, Type.DOUBLE, null, optional(Range.atLeast(0)), Importance.MEDIUM,
                    "AdamW's decoupled weight decay, or SGD's L2 weight decay. Unset: the method's recipe.")
            .define(SGD_MOMENTUM, Type.DOUBLE, 0.9, Range.between(0.01, 0.999), Importance.LOW,
                    "Momentum of the sgd optimizer.")
            .define(WARMUP_STEPS, Type.LONG, 100L, Range.atLeast(0), Importance.MEDIUM, "Linear warm-up steps.")
            .define(TEMPERATURE, Type.DOUBLE, 0.2, Range.atLeast(1e-3), Importance.HIGH, "NT-Xent temperature.")
            .define(IMAGE_SIZE, Type.INT, 32, Range.atLeast(8), Importance.HIGH,
                    "Side of the square views the stream-app produces.")
            .define(ENCODER_WIDTHS, Type.LIST, "32,64,128", Importance.MEDIUM, "Channels per encoder stage.")
            .define(ENCODER_RESIDUAL_BLOCKS, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                    "Residual blocks per stage.")
            .define(PROJECTION_HIDDEN, Type.INT, null, optional(Range.atLeast(1)), Importance.LOW,
                    "Projector (and predictor) hidden units of simclr, byol, moco and simsiam. Unset: the method's "
                            + "recipe (1024 for byol, 512 for simsiam, 128 otherwise).")
            .define(PROJECTION_DIM, Type.INT, null, optional(Range.atLeast(1)), Importance.LOW,
                    "Projector output size of simclr, byol, moco and simsiam. Unset: the method's recipe.")
            .define(CHECKPOINT_INTERVAL_STEPS, Type.LONG, 200L, Range.atLeast(1), Importance.HIGH,
                    "Publish a checkpoint every this many steps.")
            .define(CHECKPOINT_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.HIGH,
                    "... or when this much time has passed since the last one, whichever comes first.")
            .define(CHECKPOINT_DIR, Type.STRING, "", Importance.MEDIUM,
                    "Local directory that mirrors published checkpoints; empty for none.")
            .define(CHECKPOINT_CHUNK_BYTES, Type.INT, 512 * 1024, Range.between(1024, Topics.MAX_MESSAGE_BYTES / 2),
                    Importance.LOW, "Checkpoint chunk record size.")
            .define(MAX_STEPS, Type.LONG, -1L, Importance.MEDIUM, "Stop after this many steps in total; -1 never.")
            .define(MAX_DURATION_MS, Type.LONG, -1L, Importance.MEDIUM,
                    "Stop after training this long in this run; -1 never.")
            .define(MAX_NONFINITE_STEPS, Type.INT, 20, Range.atLeast(1), Importance.MEDIUM,
                    "After this many consecutive steps with a non-finite loss (each one skipped and counted), roll the "
                            + "weights and optimizer back to the last published checkpoint.")
            .define(SEED, Type.LONG, 42L, Importance.LOW, "Seed of weight initialisation.")
            .define(PROBE_MAX_RECORDS, Type.INT, 2000, Range.between(10, 100_000), Importance.LOW,
                    "Most probe records kept and evaluated at each checkpoint: a fixed subset chosen by a hash of "
                            + "the key, so the online probe's cost is bounded however large the probe topic grows.")
            .define(HEALTH_SAMPLE_SIZE, Type.INT, 512, Range.between(16, 8192), Importance.LOW,
                    "Recent clean records on which representation health is measured at each checkpoint.")
            .define(COLLAPSE_STD_FRACTION, Type.DOUBLE, 0.1, Range.between(0, 1), Importance.MEDIUM,
                    "Collapse when the std of L2-normalised embeddings falls below this fraction of 1/sqrt(d).")
            .define(COLLAPSE_GUARD, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Hold back checkpoints (and so new embeddings) while the representation is collapsed; false "
                            + "overrides the guard.")
            .define(MAX_ROLLBACKS, Type.INT, 3, Range.atLeast(0), Importance.MEDIUM,
                    "Roll-backs to the last good checkpoint allowed without a successful checkpoint in between; "
                            + "one more fails the learner.");

    /** {@code validator} for a key whose absence (null) means "the method's recipe". */
    private static ConfigDef.Validator optional(ConfigDef.Validator validator) {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null) {
                validator.ensureValid(name, value);
            }
        }, () -> validator + " or unset");
    }

    public LearnerConfig(Map<?, ?> props) {
        super(CONFIG, props);
    }

    public static ConfigDef configDef() {
        return CONFIG;
    }

    public Topics topics() {
        return new Topics(getString(TOPIC_PREFIX));
    }

    public Modality modality() {
        return Modality.of(getString(MODALITY));
    }

    public String method() {
        return getString(METHOD);
    }

    /** @return the method's default optimisation settings, which unset keys fall back to */
    public Recipe recipe() {
        return Recipe.of(method());
    }

    /** @return {@code optimizer}, else the recipe's */
    public String optimizer() {
        return orRecipe(getString(OPTIMIZER), recipe().optimizer());
    }

    /** @return {@code learning.rate}, else the recipe's */
    public double learningRate() {
        return orRecipe(getDouble(LEARNING_RATE), recipe().learningRate());
    }

    /** @return {@code weight.decay}, else the recipe's */
    public double weightDecay() {
        return orRecipe(getDouble(WEIGHT_DECAY), recipe().weightDecay());
    }

    /** @return {@code projection.hidden}, else the recipe's */
    public int projectionHidden() {
        return orRecipe(getInt(PROJECTION_HIDDEN), recipe().projectionHidden());
    }

    /** @return {@code projection.dim}, else the recipe's */
    public int projectionDim() {
        return orRecipe(getInt(PROJECTION_DIM), recipe().projectionDim());
    }

    private static <T> T orRecipe(T configured, T fromRecipe) {
        return configured == null ? fromRecipe : configured;
    }

    /**
     * @return the step at which cosine momentum schedules reach 1: {@code momentum.horizon.steps}, else
     *     {@code max.steps}, else 0 (no horizon)
     */
    public long momentumHorizonSteps() {
        long horizon = getLong(MOMENTUM_HORIZON_STEPS);
        return horizon > 0 ? horizon : Math.max(0, getLong(MAX_STEPS));
    }

    public String transactionalId() {
        String id = getString(TRANSACTIONAL_ID);
        return id.isEmpty() ? groupId() : id;
    }

    /** The examples consumer's group: one per method. */
    public String groupId() {
        return getString(GROUP_ID) + "-" + method();
    }

    public EncoderSpec encoderSpec() {
        List<String> widths = getList(ENCODER_WIDTHS);
        return EncoderSpec.of(getInt(IMAGE_SIZE), widths.stream().mapToInt(Integer::parseInt).toArray(),
                getInt(ENCODER_RESIDUAL_BLOCKS));
    }

    public Optional<Path> checkpointDir() {
        String dir = getString(CHECKPOINT_DIR);
        return dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    public Optional<Duration> maxDuration() {
        long ms = getLong(MAX_DURATION_MS);
        return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }

    /** Properties that are not learner settings, for the Kafka clients. */
    public Map<String, Object> clientProperties() {
        return KafkaServiceSettings.clientProperties(this, CONFIG);
    }
}
