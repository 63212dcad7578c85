package dev.autodidact.learner;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.internal.KafkaServiceSettings;
import dev.autodidact.learner.method.MethodContext;
import dev.autodidact.learner.method.MethodRegistry;
import dev.autodidact.learner.method.MethodSpec;
import dev.autodidact.learner.method.Recipe;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.modality.ModalityKits;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.method.MethodCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the learner service, in the manner of Kafka's own configs: a {@code *_CONFIG} name and a
 * {@code *_DOC} text per setting. The settings of the training loop are here; each method's own settings (prefixed
 * with its name) come from its {@link MethodSpec}, each modality's encoder settings from its {@link ModalityKit}.
 * Unknown keys are passed to the Kafka clients (security settings etc.).
 */
public final class LearnerConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS_CONFIG = KafkaServiceSettings.BOOTSTRAP_SERVERS_CONFIG;
    public static final String TOPIC_PREFIX_CONFIG = KafkaServiceSettings.TOPIC_PREFIX_CONFIG;
    public static final String MODALITY_CONFIG = KafkaServiceSettings.MODALITY_CONFIG;

    public static final String METHOD_CONFIG = "method";
    private static final String METHOD_DOC = "Self-supervised method, one of " + MethodCatalog.names() + ".";
    public static final String GROUP_ID_CONFIG = "group.id";
    private static final String GROUP_ID_DOC = "Consumer group prefix: the group is <group.id>-<method>, so methods "
            + "never rebalance each other; its offsets are committed only together with checkpoints.";
    public static final String TRANSACTIONAL_ID_CONFIG = "transactional.id";
    private static final String TRANSACTIONAL_ID_DOC = "Transactional id of the checkpoint producer; default "
            + "<group.id>-<method>. A restarted learner with the same id fences the old one.";
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    private static final String BATCH_SIZE_DOC = "Examples per step. Unset: the method's recipe (256 for most; RotNet's"
            + " 128, each with its four rotations, as in its paper).";
    public static final String OPTIMIZER_CONFIG = "optimizer";
    private static final String OPTIMIZER_DOC = "adamw, or sgd with momentum sgd.momentum (the SimSiam and MoCo "
            + "papers' optimizer; it needs a learning rate near 0.05). Unset: the method's recipe.";
    public static final String LEARNING_RATE_CONFIG = "learning.rate";
    private static final String LEARNING_RATE_DOC = "Peak learning rate after warm-up. Unset: the method's recipe.";
    public static final String WEIGHT_DECAY_CONFIG = "weight.decay";
    private static final String WEIGHT_DECAY_DOC =
            "AdamW's decoupled weight decay, or SGD's L2 weight decay. Unset: " + "the method's recipe.";
    public static final String SGD_MOMENTUM_CONFIG = "sgd.momentum";
    private static final String SGD_MOMENTUM_DOC = "Momentum of the sgd optimizer.";
    public static final String WARMUP_STEPS_CONFIG = "warmup.steps";
    private static final String WARMUP_STEPS_DOC = "Linear warm-up steps.";
    public static final String PROJECTION_HIDDEN_CONFIG = "projection.hidden";
    private static final String PROJECTION_HIDDEN_DOC = "Projector (and predictor) hidden units of the methods that "
            + "have one. Unset: the method's recipe (1024 for byol, 512 for simsiam, 128 otherwise).";
    public static final String PROJECTION_DIM_CONFIG = "projection.dim";
    private static final String PROJECTION_DIM_DOC = "Projector output size. Unset: the method's recipe.";
    public static final String MOMENTUM_HORIZON_STEPS_CONFIG = "momentum.horizon.steps";
    private static final String MOMENTUM_HORIZON_STEPS_DOC = "Step at which the cosine momentum schedules (byol, "
            + "dino) reach 1 (BYOL sec. 3.2). 0: max.steps when that is set, otherwise none (the momentum stays at its "
            + "base, for unbounded streams).";
    public static final String CHECKPOINT_INTERVAL_STEPS_CONFIG = "checkpoint.interval.steps";
    private static final String CHECKPOINT_INTERVAL_STEPS_DOC = "Publish a checkpoint every this many steps.";
    public static final String CHECKPOINT_INTERVAL_MS_CONFIG = "checkpoint.interval.ms";
    private static final String CHECKPOINT_INTERVAL_MS_DOC =
            "... or when this much time has passed since the last " + "one, whichever comes first.";
    public static final String CHECKPOINT_DIR_CONFIG = "checkpoint.dir";
    private static final String CHECKPOINT_DIR_DOC =
            "Local directory that mirrors published checkpoints; empty for " + "none.";
    public static final String CHECKPOINT_CHUNK_BYTES_CONFIG = "checkpoint.chunk.bytes";
    private static final String CHECKPOINT_CHUNK_BYTES_DOC = "Checkpoint chunk record size.";
    public static final String CHECKPOINT_RETAIN_VERSIONS_CONFIG = "checkpoint.retain.versions";
    private static final String CHECKPOINT_RETAIN_VERSIONS_DOC = "Checkpoints kept with their weights per method, on "
            + "the topic and in checkpoint.dir; older versions keep only their manifest, as history.";
    public static final String MAX_STEPS_CONFIG = "max.steps";
    private static final String MAX_STEPS_DOC = "Stop after this many steps in total; -1 never.";
    public static final String MAX_DURATION_MS_CONFIG = "max.duration.ms";
    private static final String MAX_DURATION_MS_DOC = "Stop after training this long in this run; -1 never.";
    public static final String MAX_NONFINITE_STEPS_CONFIG = "max.consecutive.nonfinite.steps";
    private static final String MAX_NONFINITE_STEPS_DOC = "After this many consecutive steps with a non-finite loss "
            + "(each one skipped and counted), roll the weights and optimizer back to the last published checkpoint.";
    public static final String MAX_ROLLBACKS_CONFIG = "max.rollbacks";
    private static final String MAX_ROLLBACKS_DOC = "Roll-backs to the last good checkpoint allowed without a "
            + "successful checkpoint in between; one more fails the learner.";
    public static final String SEED_CONFIG = "seed";
    private static final String SEED_DOC = "Seed of weight initialisation.";
    public static final String PROBE_MAX_RECORDS_CONFIG = "probe.max.records";
    private static final String PROBE_MAX_RECORDS_DOC = "Most probe records kept and evaluated at each checkpoint: a "
            + "fixed subset chosen by a hash of the key, so the online probe's cost is bounded however large the probe "
            + "topic grows.";
    public static final String HEALTH_SAMPLE_SIZE_CONFIG = "health.sample.size";
    private static final String HEALTH_SAMPLE_SIZE_DOC =
            "Recent clean records on which representation health is " + "measured at each checkpoint.";
    public static final String COLLAPSE_STD_FRACTION_CONFIG = "health.collapse.std.fraction";
    private static final String COLLAPSE_STD_FRACTION_DOC =
            "Collapse when the std of L2-normalised embeddings falls " + "below this fraction of 1/sqrt(d).";
    public static final String COLLAPSE_GUARD_CONFIG = "health.collapse.guard";
    private static final String COLLAPSE_GUARD_DOC = "Hold back checkpoints (and so new embeddings) while the "
            + "representation is collapsed; false overrides the guard.";

    public static final String SHUFFLE_BUFFER_BYTES_CONFIG = "shuffle.buffer.bytes";
    private static final String SHUFFLE_BUFFER_BYTES_DOC = "Bytes of examples the shuffle buffer holds: batches are "
            + "drawn at random from it, across partitions, not in arrival order, so a bursty or class-sorted stream "
            + "still gives mixed batches. The consumer pauses while it is full (backpressure).";
    public static final String SHUFFLE_BUFFER_RECORDS_CONFIG = "shuffle.buffer.records";
    private static final String SHUFFLE_BUFFER_RECORDS_DOC = "Most examples the shuffle buffer holds, whatever their "
            + "size; 0 or a value below batch.size means draw in arrival order (no shuffling).";
    public static final String REPLAY_POLICY_CONFIG = "replay.policy";
    private static final String REPLAY_POLICY_DOC = "Replay buffer: none; fifo (the most recent inputs); reservoir (a "
            + "uniform sample of everything seen); minred (minimum redundancy: when full, evict the input most similar "
            + "to its nearest neighbour in embedding space; Purushwalkam et al., ECCV 2022).";
    public static final String REPLAY_RATIO_CONFIG = "replay.ratio";
    private static final String REPLAY_RATIO_DOC = "Fraction of each batch drawn from the replay buffer (re-augmented "
            + "clean inputs) once it holds enough; the rest are fresh examples.";
    public static final String REPLAY_BUFFER_BYTES_CONFIG = "replay.buffer.bytes";
    private static final String REPLAY_BUFFER_BYTES_DOC = "Bytes of clean inputs the replay buffer holds.";
    public static final String LR_SCHEDULE_CONFIG = "lr.schedule";
    private static final String LR_SCHEDULE_DOC = "Learning rate after the linear warm-up: constant, or cosine (cosine "
            + "annealing with warm restarts every lr.cycle.steps, SGDR, Loshchilov and Hutter 2017): a schedule for a "
            + "stream that never ends.";
    public static final String LR_CYCLE_STEPS_CONFIG = "lr.cycle.steps";
    private static final String LR_CYCLE_STEPS_DOC = "Steps of one cosine cycle (after warm-up).";
    public static final String LR_MIN_RATIO_CONFIG = "lr.min.ratio";
    private static final String LR_MIN_RATIO_DOC = "Lowest learning rate of a cosine cycle, as a fraction of the peak.";

    /** Values of {@link #REPLAY_POLICY_CONFIG}. */
    public static final java.util.List<String> REPLAY_POLICIES =
            java.util.List.of("none", "fifo", "reservoir", "minred");

    static final ConfigDef CONFIG = define();

    private static ConfigDef define() {
        ConfigDef def = KafkaServiceSettings.base("Modality to learn from.")
                .define(
                        METHOD_CONFIG,
                        Type.STRING,
                        "simclr",
                        ConfigDef.ValidString.in(MethodCatalog.names().toArray(String[]::new)),
                        Importance.HIGH,
                        METHOD_DOC)
                .define(GROUP_ID_CONFIG, Type.STRING, "autodidact-learner", Importance.MEDIUM, GROUP_ID_DOC)
                .define(TRANSACTIONAL_ID_CONFIG, Type.STRING, "", Importance.MEDIUM, TRANSACTIONAL_ID_DOC)
                .define(
                        BATCH_SIZE_CONFIG,
                        Type.INT,
                        null,
                        optional(Range.between(2, 1 << 16)),
                        Importance.HIGH,
                        BATCH_SIZE_DOC)
                .define(
                        OPTIMIZER_CONFIG,
                        Type.STRING,
                        null,
                        optional(ConfigDef.ValidString.in(Recipe.ADAMW, Recipe.SGD)),
                        Importance.HIGH,
                        OPTIMIZER_DOC)
                .define(
                        LEARNING_RATE_CONFIG,
                        Type.DOUBLE,
                        null,
                        optional(Range.atLeast(0)),
                        Importance.HIGH,
                        LEARNING_RATE_DOC)
                .define(
                        WEIGHT_DECAY_CONFIG,
                        Type.DOUBLE,
                        null,
                        optional(Range.atLeast(0)),
                        Importance.MEDIUM,
                        WEIGHT_DECAY_DOC)
                .define(
                        SGD_MOMENTUM_CONFIG,
                        Type.DOUBLE,
                        0.9,
                        Range.between(0.01, 0.999),
                        Importance.LOW,
                        SGD_MOMENTUM_DOC)
                .define(WARMUP_STEPS_CONFIG, Type.LONG, 100L, Range.atLeast(0), Importance.MEDIUM, WARMUP_STEPS_DOC)
                .define(
                        PROJECTION_HIDDEN_CONFIG,
                        Type.INT,
                        null,
                        optional(Range.between(1, 65536)),
                        Importance.LOW,
                        PROJECTION_HIDDEN_DOC)
                .define(
                        PROJECTION_DIM_CONFIG,
                        Type.INT,
                        null,
                        optional(Range.between(1, 65536)),
                        Importance.LOW,
                        PROJECTION_DIM_DOC)
                .define(
                        MOMENTUM_HORIZON_STEPS_CONFIG,
                        Type.LONG,
                        0L,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        MOMENTUM_HORIZON_STEPS_DOC)
                .define(
                        CHECKPOINT_INTERVAL_STEPS_CONFIG,
                        Type.LONG,
                        200L,
                        Range.atLeast(1),
                        Importance.HIGH,
                        CHECKPOINT_INTERVAL_STEPS_DOC)
                .define(
                        CHECKPOINT_INTERVAL_MS_CONFIG,
                        Type.LONG,
                        60_000L,
                        Range.atLeast(1),
                        Importance.HIGH,
                        CHECKPOINT_INTERVAL_MS_DOC)
                .define(CHECKPOINT_DIR_CONFIG, Type.STRING, "", Importance.MEDIUM, CHECKPOINT_DIR_DOC)
                .define(
                        CHECKPOINT_CHUNK_BYTES_CONFIG,
                        Type.INT,
                        512 * 1024,
                        Range.between(1024, Topics.MAX_MESSAGE_BYTES / 2),
                        Importance.LOW,
                        CHECKPOINT_CHUNK_BYTES_DOC)
                .define(
                        CHECKPOINT_RETAIN_VERSIONS_CONFIG,
                        Type.INT,
                        5,
                        Range.between(1, 1000),
                        Importance.MEDIUM,
                        CHECKPOINT_RETAIN_VERSIONS_DOC)
                .define(MAX_STEPS_CONFIG, Type.LONG, -1L, Importance.MEDIUM, MAX_STEPS_DOC)
                .define(MAX_DURATION_MS_CONFIG, Type.LONG, -1L, Importance.MEDIUM, MAX_DURATION_MS_DOC)
                .define(
                        MAX_NONFINITE_STEPS_CONFIG,
                        Type.INT,
                        20,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        MAX_NONFINITE_STEPS_DOC)
                .define(MAX_ROLLBACKS_CONFIG, Type.INT, 3, Range.atLeast(0), Importance.MEDIUM, MAX_ROLLBACKS_DOC)
                .define(SEED_CONFIG, Type.LONG, 42L, Importance.LOW, SEED_DOC)
                .define(
                        PROBE_MAX_RECORDS_CONFIG,
                        Type.INT,
                        2000,
                        Range.between(10, 100_000),
                        Importance.LOW,
                        PROBE_MAX_RECORDS_DOC)
                .define(
                        HEALTH_SAMPLE_SIZE_CONFIG,
                        Type.INT,
                        512,
                        Range.between(16, 8192),
                        Importance.LOW,
                        HEALTH_SAMPLE_SIZE_DOC)
                .define(
                        COLLAPSE_STD_FRACTION_CONFIG,
                        Type.DOUBLE,
                        0.1,
                        Range.between(0, 1),
                        Importance.MEDIUM,
                        COLLAPSE_STD_FRACTION_DOC)
                .define(COLLAPSE_GUARD_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, COLLAPSE_GUARD_DOC)
                .define(
                        SHUFFLE_BUFFER_BYTES_CONFIG,
                        Type.LONG,
                        128L << 20,
                        Range.between(0, 4L << 30),
                        Importance.MEDIUM,
                        SHUFFLE_BUFFER_BYTES_DOC)
                .define(
                        SHUFFLE_BUFFER_RECORDS_CONFIG,
                        Type.INT,
                        8192,
                        Range.between(0, 16384),
                        Importance.MEDIUM,
                        SHUFFLE_BUFFER_RECORDS_DOC)
                .define(
                        REPLAY_POLICY_CONFIG,
                        Type.STRING,
                        "none",
                        ConfigDef.ValidString.in(REPLAY_POLICIES.toArray(String[]::new)),
                        Importance.MEDIUM,
                        REPLAY_POLICY_DOC)
                .define(
                        REPLAY_RATIO_CONFIG,
                        Type.DOUBLE,
                        0.25,
                        Range.between(0, 0.9),
                        Importance.MEDIUM,
                        REPLAY_RATIO_DOC)
                .define(
                        REPLAY_BUFFER_BYTES_CONFIG,
                        Type.LONG,
                        32L << 20,
                        Range.between(0, 1L << 30),
                        Importance.MEDIUM,
                        REPLAY_BUFFER_BYTES_DOC)
                .define(
                        LR_SCHEDULE_CONFIG,
                        Type.STRING,
                        "constant",
                        ConfigDef.ValidString.in("constant", "cosine"),
                        Importance.MEDIUM,
                        LR_SCHEDULE_DOC)
                .define(LR_CYCLE_STEPS_CONFIG, Type.LONG, 2000L, Range.atLeast(1), Importance.LOW, LR_CYCLE_STEPS_DOC)
                .define(LR_MIN_RATIO_CONFIG, Type.DOUBLE, 0.1, Range.between(0, 1), Importance.LOW, LR_MIN_RATIO_DOC);
        ModalityKits.supported().forEach(m -> ModalityKits.of(m).define(def));
        return MethodRegistry.define(def);
    }

    /** {@code validator} for a key whose absence (null) means "the method's recipe". */
    private static ConfigDef.Validator optional(ConfigDef.Validator validator) {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    if (value != null) {
                        validator.ensureValid(name, value);
                    }
                },
                () -> validator + " or unset");
    }

    /**
     * @throws ConfigException if a setting is invalid, the method does not learn from the modality, or the configured
     *     encoder cannot serve the method
     */
    public LearnerConfig(Map<?, ?> props) {
        super(CONFIG, props);
        if (!methodSpec().entry().supports(modality())) {
            throw new ConfigException(
                    METHOD_CONFIG,
                    method(),
                    "Method " + method() + " does not learn from "
                            + modality().id() + "; methods for " + modality().id() + ": "
                            + MethodRegistry.names(modality()));
        }
        encoder();
    }

    public static ConfigDef configDef() {
        return CONFIG;
    }

    public Topics topics() {
        return new Topics(getString(TOPIC_PREFIX_CONFIG));
    }

    public Modality modality() {
        return Modality.of(getString(MODALITY_CONFIG));
    }

    public ModalityKit modalityKit() {
        return ModalityKits.of(modality());
    }

    /** The encoder a new run of this modality trains: the modality's encoder settings, resolved for the method. */
    public EncoderArchitecture encoder() {
        return modalityKit().encoder(this, methodSpec().encoder());
    }

    public String method() {
        return getString(METHOD_CONFIG);
    }

    public MethodSpec methodSpec() {
        return MethodRegistry.get(method());
    }

    /** What the method's factory gets, its networks to be created on {@code manager}. */
    public MethodContext methodContext(NDManager manager) {
        return new MethodContext(manager, encoder(), this, projectionHidden(), projectionDim(), momentumHorizonSteps());
    }

    /** @return the method's default optimisation settings, which unset keys fall back to */
    public Recipe recipe() {
        return methodSpec().recipe();
    }

    /** @return {@code optimizer}, else the recipe's */
    public String optimizer() {
        return orRecipe(getString(OPTIMIZER_CONFIG), recipe().optimizer());
    }

    /** @return {@code batch.size}, else the recipe's */
    public int batchSize() {
        return orRecipe(getInt(BATCH_SIZE_CONFIG), recipe().batchSize());
    }

    /** @return {@code learning.rate}, else the recipe's */
    public double learningRate() {
        return orRecipe(getDouble(LEARNING_RATE_CONFIG), recipe().learningRate());
    }

    /** @return {@code weight.decay}, else the recipe's */
    public double weightDecay() {
        return orRecipe(getDouble(WEIGHT_DECAY_CONFIG), recipe().weightDecay());
    }

    /** @return {@code projection.hidden}, else the recipe's */
    public int projectionHidden() {
        return orRecipe(getInt(PROJECTION_HIDDEN_CONFIG), recipe().projectionHidden());
    }

    /** @return {@code projection.dim}, else the recipe's */
    public int projectionDim() {
        return orRecipe(getInt(PROJECTION_DIM_CONFIG), recipe().projectionDim());
    }

    private static <T> T orRecipe(T configured, T fromRecipe) {
        return configured == null ? fromRecipe : configured;
    }

    /**
     * @return the step at which cosine momentum schedules reach 1: {@code momentum.horizon.steps}, else
     *     {@code max.steps}, else 0 (no horizon)
     */
    public long momentumHorizonSteps() {
        long horizon = getLong(MOMENTUM_HORIZON_STEPS_CONFIG);
        return horizon > 0 ? horizon : Math.max(0, getLong(MAX_STEPS_CONFIG));
    }

    public String transactionalId() {
        String id = getString(TRANSACTIONAL_ID_CONFIG);
        return id.isEmpty() ? groupId() : id;
    }

    /** The examples consumer's group: one per method. */
    public String groupId() {
        return getString(GROUP_ID_CONFIG) + "-" + method();
    }

    public Optional<Path> checkpointDir() {
        String dir = getString(CHECKPOINT_DIR_CONFIG);
        return dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    public Optional<Duration> maxDuration() {
        long ms = getLong(MAX_DURATION_MS_CONFIG);
        return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }

    /** Properties that are not learner settings, for the Kafka clients. */
    public Map<String, Object> clientProperties() {
        return KafkaServiceSettings.clientProperties(this, CONFIG);
    }
}
