package dev.autodidact.learner.internal;

import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.modality.ModalityKits;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings every Kafka-facing service config starts with, and the pass-through of the rest to the clients. */
public final class KafkaServiceSettings {
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka bootstrap servers.";
    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "Prefix of every topic.";
    public static final String MODALITY_CONFIG = "modality";
    public static final String CHECKPOINT_SIGNING_KEY_CONFIG = "checkpoint.signing.key";
    private static final String CHECKPOINT_SIGNING_KEY_DOC = "HMAC-SHA256 key: checkpoints are signed with it, and "
            + "only checkpoints signed with it are loaded. Empty: manifests are sealed with SHA-256 only.";

    private KafkaServiceSettings() {}

    /**
     * A config definition holding bootstrap servers, topic prefix, the signing key and the modality, one the learner
     * has a {@link ModalityKit} for ({@code modalityDoc} says what for).
     */
    public static ConfigDef base(String modalityDoc) {
        String[] modalities =
                ModalityKits.supported().stream().map(Modality::id).toArray(String[]::new);
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
                .define(TOPIC_PREFIX_CONFIG, Type.STRING, Topics.DEFAULT_PREFIX, Importance.MEDIUM, TOPIC_PREFIX_DOC)
                .define(
                        MODALITY_CONFIG,
                        Type.STRING,
                        Modality.IMAGE.id(),
                        ConfigDef.ValidString.in(modalities),
                        Importance.HIGH,
                        modalityDoc + " The learner supports " + String.join(", ", modalities) + ".")
                .define(
                        CHECKPOINT_SIGNING_KEY_CONFIG,
                        Type.PASSWORD,
                        "",
                        Importance.MEDIUM,
                        CHECKPOINT_SIGNING_KEY_DOC);
    }

    /** The seal checkpoints are written and checked with, from {@link #CHECKPOINT_SIGNING_KEY_CONFIG}. */
    public static CheckpointSeal seal(AbstractConfig config) {
        return CheckpointSeal.withKey(
                config.getPassword(CHECKPOINT_SIGNING_KEY_CONFIG).value());
    }

    /** Every property {@code definition} does not define, plus the bootstrap servers: what the Kafka clients get. */
    public static Map<String, Object> clientProperties(AbstractConfig config, ConfigDef definition) {
        Map<String, Object> client = config.originals();
        definition.names().forEach(client::remove);
        client.put(BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.getList(BOOTSTRAP_SERVERS_CONFIG)));
        return client;
    }
}
