package dev.autodidact.learner.embed;

import dev.autodidact.learner.internal.KafkaServiceSettings;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.method.MethodCatalog;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the embedder service. Unknown keys are passed to the Kafka clients. */
public final class EmbedderConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS_CONFIG = KafkaServiceSettings.BOOTSTRAP_SERVERS_CONFIG;
    public static final String TOPIC_PREFIX_CONFIG = KafkaServiceSettings.TOPIC_PREFIX_CONFIG;
    public static final String MODALITY_CONFIG = KafkaServiceSettings.MODALITY_CONFIG;
    public static final String METHOD_CONFIG = "method";
    private static final String METHOD_DOC = "The method whose checkpoints to follow (versions count per method), one "
            + "of " + MethodCatalog.names() + ".";
    public static final String GROUP_ID_CONFIG = "group.id";
    private static final String GROUP_ID_DOC = "Consumer group.";
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    private static final String BATCH_SIZE_DOC = "Records per forward pass.";
    public static final String REEMBED_ON_NEW_VERSION_CONFIG = "reembed.on.new.version";
    private static final String REEMBED_ON_NEW_VERSION_DOC = "Re-embed the compacted clean topic beside the live "
            + "stream whenever a new checkpoint version lands (or landed while the embedder was down), so every "
            + "record gets a vector of the newest model.";

    private static final ConfigDef CONFIG = KafkaServiceSettings.base("Modality to embed.")
            .define(
                    METHOD_CONFIG,
                    Type.STRING,
                    "simclr",
                    ConfigDef.ValidString.in(MethodCatalog.names().toArray(String[]::new)),
                    Importance.HIGH,
                    METHOD_DOC)
            .define(GROUP_ID_CONFIG, Type.STRING, "autodidact-embedder", Importance.MEDIUM, GROUP_ID_DOC)
            .define(BATCH_SIZE_CONFIG, Type.INT, 256, Range.between(1, 1 << 16), Importance.LOW, BATCH_SIZE_DOC)
            .define(REEMBED_ON_NEW_VERSION_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, REEMBED_ON_NEW_VERSION_DOC);

    public EmbedderConfig(Map<?, ?> props) {
        super(CONFIG, props);
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

    /** Properties that are not embedder settings, for the Kafka clients. */
    public Map<String, Object> clientProperties() {
        return KafkaServiceSettings.clientProperties(this, CONFIG);
    }
}
