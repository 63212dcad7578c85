package dev.autodidact.learner.internal;

import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings every Kafka-facing service config starts with, and the pass-through of the rest to the clients. */
public final class KafkaServiceSettings {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String MODALITY = "modality";
    public static final String CHECKPOINT_SIGNING_KEY = "checkpoint.signing.key";

    private KafkaServiceSettings() {
    }

    /** A config definition holding bootstrap servers, topic prefix and modality ({@code modalityDoc} says what for). */
    public static ConfigDef base(String modalityDoc) {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, Importance.HIGH, "Kafka bootstrap servers.")
                .define(TOPIC_PREFIX, Type.STRING, Topics.DEFAULT_PREFIX, Importance.MEDIUM, "Prefix of every topic.")
                .define(MODALITY, Type.STRING, "image", ConfigDef.ValidString.in("image"), Importance.HIGH,
                        modalityDoc)
                .define(CHECKPOINT_SIGNING_KEY, Type.PASSWORD, "", Importance.MEDIUM,
                        "HMAC-SHA256 key: checkpoints are signed with it, and only checkpoints signed with it are "
                                + "loaded. Empty: manifests are sealed with SHA-256 only.");
    }

    /** The seal checkpoints are written and checked with, from {@link #CHECKPOINT_SIGNING_KEY}. */
    public static CheckpointSeal seal(AbstractConfig config) {
        return CheckpointSeal.withKey(config.getPassword(CHECKPOINT_SIGNING_KEY).value());
    }

    /** Every property {@code definition} does not define, plus the bootstrap servers: what the Kafka clients get. */
    public static Map<String, Object> clientProperties(AbstractConfig config, ConfigDef definition) {
        Map<String, Object> client = config.originals();
        definition.names().forEach(client::remove);
        client.put(BOOTSTRAP_SERVERS, String.join(",", config.getList(BOOTSTRAP_SERVERS)));
        return client;
    }
}
