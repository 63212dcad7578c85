package dev.autodidact.learner.embed;

import dev.autodidact.learner.internal.KafkaServiceSettings;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the embedder service. Unknown keys are passed to the Kafka clients. */
public final class EmbedderConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = KafkaServiceSettings.BOOTSTRAP_SERVERS;
    public static final String TOPIC_PREFIX = KafkaServiceSettings.TOPIC_PREFIX;
    public static final String MODALITY = KafkaServiceSettings.MODALITY;
    public static final String METHOD = "method";
    public static final String GROUP_ID = "group.id";
    public static final String BATCH_SIZE = "batch.size";
    public static final String REEMBED_ON_NEW_VERSION = "reembed.on.new.version";

    private static final ConfigDef CONFIG = KafkaServiceSettings.base("Modality to embed.")
            .define(METHOD, Type.STRING, "simclr", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The method whose checkpoints to follow (versions count per method).")
            .define(GROUP_ID, Type.STRING, "autodidact-embedder", Importance.MEDIUM, "Consumer group.")
            .define(BATCH_SIZE, Type.INT, 256, Range.atLeast(1), Importance.LOW, "Images per forward pass.")
            .define(REEMBED_ON_NEW_VERSION, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Re-embed the compacted clean topic beside the live stream whenever a new checkpoint version "
                            + "lands (or landed while the embedder was down), so every record gets a vector of the "
                            + "newest model.");

    public EmbedderConfig(Map<?, ?> props) {
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

    /** Properties that are not embedder settings, for the Kafka clients. */
    public Map<String, Object> clientProperties() {
        return KafkaServiceSettings.clientProperties(this, CONFIG);
    }
}
