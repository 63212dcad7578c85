package dev.autodidact.learner.embed;

import dev.autodidact.learner.checkpoint.CheckpointFollower;
import dev.autodidact.monitoring.KafkaMetricsBinder;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.serde.CleanImageSerde;
import dev.autodidact.schema.serde.EmbeddingSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds every record of {@code clean.<modality>} with the newest committed checkpoint and publishes
 * {@code embeddings.<modality>}: key = record id, value = little-endian float32, headers {@code model-version},
 * {@code dimension}, {@code method}. Waits for the first checkpoint; when a newer one lands it swaps the encoder and,
 * by default, replays the compacted clean topic so that every record is re-embedded. Delivery is at-least-once; the
 * embeddings topic is compacted, so a repeat only rewrites the same key.
 */
public final class Embedder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Embedder.class);

    private final EmbedderConfig config;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong modelVersion = new AtomicLong();
    private final Counter records;
    private final Timer latency;
    private final MeterRegistry registry;
    /** Per partition, the position before the last replay: records below it are re-embeddings. */
    private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
    private final Timer forward;

    public Embedder(EmbedderConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        String modality = config.modality().id();
        records = Counter.builder("autodidact.embedder.records").tag("modality", modality)
                .description("Embeddings published, re-embeddings included").register(registry);
        latency = Timer.builder("autodidact.embedder.latency").tag("modality", modality)
                .description("From a record's event time to the publication of its first embedding")
                .publishPercentileHistogram().register(registry);
        forward = Timer.builder("autodidact.embedder.forward").tag("modality", modality)
                .description("Encoder forward pass of one polled batch").register(registry);
        Gauge.builder("autodidact.embedder.model.version", modelVersion, AtomicLong::get).tag("modality", modality)
                .register(registry);
    }

    /** Runs until {@link #stop()}; blocks the calling thread. */
    public void run() {
        var topics = config.topics();
        String cleanTopic = topics.clean(config.modality());
        String outTopic = topics.embeddings(config.modality());
        String method = config.getString(EmbedderConfig.METHOD);
        FeatureExtractor model = null;
        try (CheckpointFollower checkpoints = new CheckpointFollower(config.clientProperties(), topics.checkpoints());
             KafkaConsumer<String, CleanImage> consumer = consumer();
             KafkaProducer<String, float[]> producer = producer();
             KafkaMetricsBinder kafkaMetrics = new KafkaMetricsBinder(registry)) {
            kafkaMetrics.bindConsumer(consumer);
            kafkaMetrics.bindProducer(producer);
            consumer.subscribe(List.of(cleanTopic));
            while (!stop.get()) {
                Optional<Checkpoint> fresh = checkpoints.poll(Duration.ofMillis(model == null ? 200 : 0))
                        .filter(cp -> method.isEmpty() || cp.manifest().method().equals(method));
                if (fresh.isPresent()) {
                    FeatureExtractor next = FeatureExtractor.fromCheckpoint(fresh.get());
                    if (model != null) {
                        model.close();
                        if (config.getBoolean(EmbedderConfig.REEMBED_ON_NEW_VERSION)) {
                            consumer.assignment().forEach(tp -> replayUntil.put(tp, consumer.position(tp)));
                            consumer.seekToBeginning(consumer.assignment());
                        }
                    }
                    model = next;
                    modelVersion.set(model.version());
                    LOG.info("Embedding with checkpoint v{}", model.version());
                }
                if (model == null) {
                    continue;
                }
                embedBatch(consumer.poll(Duration.ofMillis(200)), model, producer, outTopic);
                consumer.commitSync();
            }
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    private void embedBatch(Iterable<ConsumerRecord<String, CleanImage>> polled, FeatureExtractor model,
                            KafkaProducer<String, float[]> producer, String topic) {
        List<ConsumerRecord<String, CleanImage>> batch = new ArrayList<>();
        polled.forEach(r -> {
            if (r.value() != null) {
                batch.add(r);
            }
        });
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        float[][] vectors = model.embed(batch.stream().map(ConsumerRecord::value).toList());
        forward.record(Duration.ofNanos(System.nanoTime() - start));
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, CleanImage> in = batch.get(i);
            RecordHeaders headers = new RecordHeaders();
            HeaderNames.get(in.headers(), HeaderNames.SOURCE).ifPresent(s -> HeaderNames.put(headers,
                    HeaderNames.SOURCE, s));
            HeaderNames.get(in.headers(), HeaderNames.EVENT_TIME).ifPresent(s -> HeaderNames.put(headers,
                    HeaderNames.EVENT_TIME, s));
            HeaderNames.put(headers, HeaderNames.MODEL_VERSION, Long.toString(model.version()));
            HeaderNames.put(headers, HeaderNames.DIMENSION, Integer.toString(vectors[i].length));
            HeaderNames.put(headers, HeaderNames.METHOD, model.method());
            producer.send(new ProducerRecord<>(topic, null, in.key(), vectors[i], headers));
            if (in.offset() >= replayUntil.getOrDefault(new TopicPartition(in.topic(), in.partition()), 0L)) {
                HeaderNames.getLong(in.headers(), HeaderNames.EVENT_TIME).ifPresent(t ->
                        latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - t))));
            }
        }
        producer.flush();
        records.increment(batch.size());
        published.addAndGet(batch.size());
    }

    private KafkaConsumer<String, CleanImage> consumer() {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(EmbedderConfig.GROUP_ID));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(EmbedderConfig.BATCH_SIZE));
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "autodidact-embedder");
        return new KafkaConsumer<>(props, new StringDeserializer(), new CleanImageSerde().deserializer());
    }

    private KafkaProducer<String, float[]> producer() {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new EmbeddingSerde().serializer());
    }

    /** Embeddings published since start. */
    public long published() {
        return published.get();
    }

    /** Version of the model in use, 0 before the first checkpoint. */
    public long modelVersion() {
        return modelVersion.get();
    }

    public void stop() {
        stop.set(true);
    }

    @Override
    public void close() {
        stop();
    }
}
