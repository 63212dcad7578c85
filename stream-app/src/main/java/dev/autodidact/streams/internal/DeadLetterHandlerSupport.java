package dev.autodidact.streams.internal;

import dev.autodidact.schema.Modality;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * What the three exception handlers share: the dead-letter topic (Kafka Streams' own
 * {@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG}), the meter registry handed over in the Streams
 * properties under {@value #METER_REGISTRY_CONFIG}, the {@link PoisonRecords} under {@value #POISON_RECORDS_CONFIG}, and the dead-letter record built from the handler context with
 * the stream-app's headers.
 */
public final class DeadLetterHandlerSupport {
    /** Streams property holding the {@link MeterRegistry} the handlers count rejected records in. */
    public static final String METER_REGISTRY_CONFIG = "autodidact.meter.registry";
    /** Streams property holding the {@link PoisonRecords} the production handler blames failures on. */
    public static final String POISON_RECORDS_CONFIG = "autodidact.poison.records";

    private String topic;
    private MeterRegistry registry;
    private PoisonRecords poison;

    /**
     * @param configs the Kafka Streams configuration a handler receives in {@code configure}
     * @throws ConfigException if no dead-letter topic is configured
     */
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (name == null || name.toString().isBlank()) {
            throw new ConfigException(
                    "The dead-letter handlers need " + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        }
        topic = name.toString();
        Object meters = configs.get(METER_REGISTRY_CONFIG);
        registry = meters instanceof MeterRegistry r ? r : null;
        Object tracker = configs.get(POISON_RECORDS_CONFIG);
        poison = tracker instanceof PoisonRecords p ? p : null;
    }

    /**
     * Blames a failure the handler answers {@code fail()} for on the context's source record (see
     * {@link PoisonRecords#blame}); a failure writing the dead-letter topic itself is blamed on no record, since
     * dead-lettering that record could not help.
     *
     * @param context where the failing record came from
     * @param outputTopic the topic the failed record was for
     * @param failure the exception
     */
    public void blame(ErrorHandlerContext context, String outputTopic, Exception failure) {
        if (poison != null) {
            poison.blame(
                    failure,
                    topic.equals(outputTopic)
                            ? DeadLetters.Origin.UNKNOWN
                            : new DeadLetters.Origin(context.topic(), context.partition(), context.offset()));
        }
    }

    /**
     * Builds the dead-letter record for a failure and counts it.
     *
     * @param context where the failing record came from; its headers are copied
     * @param key the original key bytes, or {@code null}
     * @param value the original value bytes, or {@code null}; left out if too large for a record
     * @param reason the reason code
     * @param failure what went wrong
     * @return the record for the dead-letter topic
     */
    public ProducerRecord<byte[], byte[]> deadLetter(
            ErrorHandlerContext context, byte[] key, byte[] value, String reason, Exception failure) {
        if (registry != null) {
            StreamMetrics.rejected(registry, modality(context.topic()), reason).increment();
        }
        DeadLetters.Origin origin = new DeadLetters.Origin(context.topic(), context.partition(), context.offset());
        Long timestamp = context.timestamp() >= 0 ? context.timestamp() : null;
        return new ProducerRecord<>(
                topic,
                null,
                timestamp,
                key,
                DeadLetters.fit(value),
                DeadLetters.headers(context.headers(), reason, failure, origin));
    }

    /** @return the dead-letter topic */
    public String topic() {
        return topic;
    }

    /** The modality whose raw topic {@code topic} is, {@code unknown} if none: a bounded metric tag. */
    static String modality(String topic) {
        if (topic != null) {
            for (Modality m : Modality.values()) {
                if (topic.endsWith("raw." + m.id())) {
                    return m.id();
                }
            }
        }
        return "unknown";
    }
}
