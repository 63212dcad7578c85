package dev.autodidact.streams.internal;

import dev.autodidact.schema.Topics;
import dev.autodidact.streams.StreamAppConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties of the stream-app. Client settings passed through the configuration come first and may
 * tune anything (poll interval, linger, security); then the stream-app fixes what its correctness depends on:
 * exactly-once v2, the dead-letter topic and the three exception handlers, explicit naming of internal resources, and
 * record sizes up to {@link Topics#MAX_MESSAGE_BYTES} unless the passed-through settings ask for more.
 */
public final class StreamsProperties {
    private StreamsProperties() {}

    /**
     * @param config the stream-app settings
     * @param registry where the exception handlers count dead-lettered records
     * @return properties for {@code new KafkaStreams(topology, properties)}, with a poison-record tracker of their own
     */
    public static Properties build(StreamAppConfig config, MeterRegistry registry) {
        return build(config, registry, new PoisonRecords(config.poisonMaxFailures()));
    }

    /**
     * @param config the stream-app settings
     * @param registry where the exception handlers count dead-lettered records
     * @param poison the tracker the production handler blames its {@code fail()} answers on, shared with the topology
     *     and the uncaught-exception handler
     * @return properties for {@code new KafkaStreams(topology, properties)}
     */
    public static Properties build(StreamAppConfig config, MeterRegistry registry, PoisonRecords poison) {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.bootstrapServers()));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        config.stateDir().ifPresent(dir -> props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString()));

        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                config.topics().deadLetter());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        enableProcessingHandlerForGlobalThreads(props);
        props.put(DeadLetterHandlerSupport.METER_REGISTRY_CONFIG, registry);
        props.put(DeadLetterHandlerSupport.POISON_RECORDS_CONFIG, poison);

        defaultUnlessSet(
                props,
                StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Topics.MAX_MESSAGE_BYTES);
        defaultUnlessSet(
                props,
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Topics.MAX_MESSAGE_BYTES);
        return props;
    }

    /**
     * Fails if passed-through settings try to change what the stream-app fixes.
     *
     * @param client the passed-through settings
     * @throws ConfigException naming the setting
     */
    public static void checkNotOverridden(Map<String, Object> client) {
        Map<String, String> fixed = Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName(),
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingHandler.class.getName(),
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionHandler.class.getName());
        fixed.forEach((key, value) -> {
            Object given = client.get(key);
            if (given != null
                    && !value.equals(
                            given instanceof Class<?> c
                                    ? c.getName()
                                    : given.toString().trim())) {
                throw new ConfigException(key, given, "The stream-app always uses " + value);
            }
        });
        if (client.containsKey(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " is derived from"
                    + " topic.prefix; do not set it");
        }
    }

    /**
     * Kafka 4.4 warns unless this is set, and deprecates the key because 5.0 makes {@code true} the only behaviour;
     * the stream-app has no global stores, so it only takes the 5.0 behaviour early.
     */
    @SuppressWarnings("deprecation")
    private static void enableProcessingHandlerForGlobalThreads(Properties props) {
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    }

    private static void defaultUnlessSet(Properties props, String prefixed, String plain, Object value) {
        if (!props.containsKey(prefixed) && !props.containsKey(plain)) {
            props.put(prefixed, value);
        }
    }

    /**
     * @param config the stream-app settings
     * @return properties for the admin client that creates the topics: bootstrap servers plus the passed-through
     *     settings an admin client knows (security) and those prefixed {@code admin.}
     */
    public static Map<String, Object> admin(StreamAppConfig config) {
        Map<String, Object> props = new HashMap<>();
        config.clientProperties().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        config.clientProperties().forEach((key, value) -> {
            if (key.startsWith(StreamsConfig.ADMIN_CLIENT_PREFIX)) {
                props.put(key.substring(StreamsConfig.ADMIN_CLIENT_PREFIX.length()), value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.bootstrapServers()));
        return props;
    }
}
