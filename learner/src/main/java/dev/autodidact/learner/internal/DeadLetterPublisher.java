package dev.autodidact.learner.internal;

import dev.autodidact.schema.DeadLetterHeaders;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a consumed record that a service cannot use to the dead-letter topic with its original key, value and
 * headers plus the {@code dlq.*} headers (reason, message, exception, origin, and {@code dlq.consumer} naming the
 * service), waits for the broker's acknowledgement and counts it in {@code autodidact.consumer.records.rejected}
 * (service, source, reason). The send completes before the caller moves its offsets past the record, so a rejected
 * record is never lost: at worst, after a crash, it is dead-lettered twice.
 */
public final class DeadLetterPublisher implements RecordRejector, AutoCloseable {
    /** Record whose bytes do not deserialize. */
    public static final String CORRUPT = "corrupt";
    /** Well-formed record this service cannot use (wrong view count or size, no label). */
    public static final String UNUSABLE = "unusable";
    /** Checkpoint records that are incomplete, corrupt, too large or not signed. */
    public static final String BAD_CHECKPOINT = "bad-checkpoint";
    /** Metric name. */
    public static final String REJECTED = "autodidact.consumer.records.rejected";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String service;
    private final MeterRegistry registry;

    /**
     * @param service who rejects records, e.g. {@code learner}; a bounded metric tag
     * @param sources the sources this service reads (e.g. {@code examples}, {@code probe}), whose counters are
     *     registered at zero so that alerts see them before the first rejection
     */
    public DeadLetterPublisher(
            Map<String, Object> clientProperties,
            Topics topics,
            String service,
            MeterRegistry registry,
            List<String> sources) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "autodidact-" + service + "-dead-letter");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topics.deadLetter();
        this.service = service;
        this.registry = registry;
        for (String source : sources) {
            for (String reason : List.of(CORRUPT, UNUSABLE, BAD_CHECKPOINT)) {
                counter(source, reason);
            }
        }
    }

    /**
     * Dead-letters {@code record} and returns once the broker has it.
     *
     * @param source which input it came from (bounded tag), e.g. {@code examples}
     * @throws KafkaException if the dead-letter topic does not take it: the caller must not move past the record
     */
    @Override
    public void reject(ConsumerRecord<byte[], byte[]> record, String source, String reason, Throwable failure) {
        LOG.warn(
                "{}: record at {}-{}@{} rejected as {}: {}",
                service,
                record.topic(),
                record.partition(),
                record.offset(),
                reason,
                DeadLetterHeaders.message(failure));
        Headers headers = DeadLetterHeaders.of(
                record.headers(), reason, failure, record.topic(), record.partition(), record.offset());
        HeaderNames.put(headers, HeaderNames.DLQ_CONSUMER, service);
        byte[] value = record.value() != null && record.value().length > Topics.MAX_MESSAGE_BYTES - 64 * 1024
                ? null
                : record.value();
        try {
            producer.send(new ProducerRecord<>(
                            topic,
                            null,
                            record.timestamp() >= 0 ? record.timestamp() : null,
                            record.key(),
                            value,
                            headers))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while dead-lettering a record", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException(
                    "Could not dead-letter the record at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset(),
                    e);
        }
        counter(source, reason).increment();
    }

    private Counter counter(String source, String reason) {
        return Counter.builder(REJECTED)
                .tag("service", service)
                .tag("source", source)
                .tag("reason", reason)
                .description("Consumed records sent to the dead-letter topic")
                .register(registry);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
