package dev.autodidact.learner;

import dev.autodidact.learner.model.EncoderSpec;
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
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String MODALITY = "modality";
    public static final String METHOD = "method";
    public static final String GROUP_ID = "group.id";
    public static final String TRANSACTIONAL_ID = "transactional.id";
    public static final String BATCH_SIZE = "batch.size";
    public static final String LEARNING_RATE = "learning.rate";
    public static final String WEIGHT_DECAY = "weight.decay";
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
    public static final String MAX_STEPS = "max.steps";
    public static final String MAX_DURATION_MS = "max.duration.ms";
    public static final String MAX_NONFINITE_STEPS = "max.consecutive.nonfinite.steps";
    public static final String SEED = "seed";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, Importance.HIGH, "Kafka bootstrap servers.")
            .define(TOPIC_PREFIX, Type.STRING, Topics.DEFAULT_PREFIX, Importance.MEDIUM, "Prefix of every topic.")
            .define(MODALITY, Type.STRING, "image", ConfigDef.ValidString.in("image"), Importance.HIGH,
                    "Modality to learn from.")
            .define(METHOD, Type.STRING, "simclr", ConfigDef.ValidString.in("simclr"), Importance.HIGH,
                    "Self-supervised method.")
            .define(GROUP_ID, Type.STRING, "autodidact-learner", Importance.MEDIUM,
                    "Consumer group; its offsets are committed only together with checkpoints.")
            .define(TRANSACTIONAL_ID, Type.STRING, "", Importance.MEDIUM,
                    "Transactional id of the checkpoint producer; default <group.id>-<method>. A restarted learner "
                            + "with the same id fences the old one.")
            .define(BATCH_SIZE, Type.INT, 256, Range.atLeast(2), Importance.HIGH, "Examples per step.")
            .define(LEARNING_RATE, Type.DOUBLE, 1e-3, Range.atLeast(0), Importance.HIGH, "Peak AdamW learning rate.")
            .define(WEIGHT_DECAY, Type.DOUBLE, 1e-4, Range.atLeast(0), Importance.MEDIUM, "Decoupled weight decay.")
            .define(WARMUP_STEPS, Type.LONG, 100L, Range.atLeast(0), Importance.MEDIUM, "Linear warm-up steps.")
            .define(TEMPERATURE, Type.DOUBLE, 0.2, Range.atLeast(1e-3), Importance.HIGH, "NT-Xent temperature.")
            .define(IMAGE_SIZE, Type.INT, 32, Range.atLeast(8), Importance.HIGH,
                    "Side of the square views the stream-app produces.")
            .define(ENCODER_WIDTHS, Type.LIST, "32,64,128", Importance.MEDIUM, "Channels per encoder stage.")
            .define(ENCODER_RESIDUAL_BLOCKS, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                    "Residual blocks per stage.")
            .define(PROJECTION_HIDDEN, Type.INT, 128, Range.atLeast(1), Importance.LOW, "Projector hidden units.")
            .define(PROJECTION_DIM, Type.INT, 64, Range.atLeast(1), Importance.LOW, "Projector output size.")
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
                    "Fail after this many consecutive steps with a non-finite loss (each one is skipped and counted).")
            .define(SEED, Type.LONG, 42L, Importance.LOW, "Seed of weight initialisation.");

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

    public String transactionalId() {
        String id = getString(TRANSACTIONAL_ID);
        return id.isEmpty() ? getString(GROUP_ID) + "-" + method() : id;
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
        Map<String, Object> client = originals();
        CONFIG.names().forEach(client::remove);
        client.put(BOOTSTRAP_SERVERS, String.join(",", getList(BOOTSTRAP_SERVERS)));
        return client;
    }
}
