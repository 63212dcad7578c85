package dev.autodidact.learner.embed;

import dev.autodidact.learner.checkpoint.CheckpointFollower;
import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.internal.KafkaServiceSettings;
import dev.autodidact.learner.modality.CleanInputs;
import dev.autodidact.monitoring.KafkaMetricsBinder;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.serde.EmbeddingSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds every record of {@code clean.<modality>} with the newest committed checkpoint of one method and publishes
 * {@code embeddings.<modality>}: key = record id, value = little-endian float32, headers {@code model-version},
 * {@code dimension}, {@code method}.
 *
 * <ul>
 *   <li>Starts from the newest usable checkpoint (never walks the history), and swaps to each newer one; versions
 *   only go up, so a key's embedding is never replaced by one of an older version.</li>
 *   <li>At-least-once: a batch's offsets are committed only after every embedding of it is acknowledged; a failed
 *   send rewinds to the batch and retries it.</li>
 *   <li>A record that does not decode goes to the dead-letter topic and consumption continues.</li>
 *   <li>Each new version re-embeds the retained clean records ({@link ReEmbedding}) beside the live stream, with
 *   its progress in {@code autodidact.embedder.reembed.progress}.</li>
 * </ul>
 */
public final class Embedder implements AutoCloseable {
    /** The {@code source} tag of rejected clean records. */
    public static final String SOURCE = "clean";

    private static final Logger LOG = LoggerFactory.getLogger(Embedder.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final EmbedderConfig config;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong modelVersion = new AtomicLong();
    private final AtomicLong reembeddedVersion = new AtomicLong();
    private final Counter records;
    private final Counter sendFailures;
    private final Timer latency;
    private final Timer forward;
    private final MeterRegistry registry;
    /** Written by the embedding thread only: a consumer must not be touched from the scrape thread. */
    private final AtomicReference<Double> reembedProgress = new AtomicReference<>(0.0);

    public Embedder(EmbedderConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        String modality = config.modality().id();
        records = Counter.builder("autodidact.embedder.records")
                .tag("modality", modality)
                .description("Embeddings published, re-embeddings included")
                .register(registry);
        sendFailures = Counter.builder("autodidact.embedder.send.failures")
                .tag("modality", modality)
                .description("Batches whose embeddings were not all acknowledged, and were retried")
                .register(registry);
        latency = Timer.builder("autodidact.embedder.latency")
                .tag("modality", modality)
                .description("From a record's event time to the publication of its first embedding")
                .publishPercentileHistogram()
                .register(registry);
        forward = Timer.builder("autodidact.embedder.forward")
                .tag("modality", modality)
                .description("Encoder forward pass of one polled batch")
                .register(registry);
        Gauge.builder("autodidact.embedder.model.version", modelVersion, AtomicLong::get)
                .tag("modality", modality)
                .register(registry);
        Gauge.builder("autodidact.embedder.reembedded.version", reembeddedVersion, AtomicLong::get)
                .tag("modality", modality)
                .description("Newest version whose re-embedding of the clean topic completed")
                .register(registry);
        Gauge.builder("autodidact.embedder.reembed.progress", reembedProgress, AtomicReference::get)
                .tag("modality", modality)
                .description("Fraction of the current re-embedding pass done; 1 when none runs")
                .register(registry);
    }

    /** Runs until {@link #stop()}; blocks the calling thread. */
    public void run() {
        var topics = config.topics();
        String method = config.getString(EmbedderConfig.METHOD_CONFIG);
        try (DeadLetterPublisher deadLetters = new DeadLetterPublisher(
                        config.clientProperties(),
                        topics,
                        "embedder",
                        registry,
                        List.of(SOURCE, CheckpointFollower.SOURCE));
                CheckpointFollower checkpoints = new CheckpointFollower(
                        config.clientProperties(),
                        topics,
                        method,
                        KafkaServiceSettings.seal(config),
                        registry,
                        deadLetters);
                KafkaConsumer<byte[], byte[]> replay = consumer(false);
                KafkaConsumer<byte[], byte[]> live = consumer(true);
                KafkaProducer<String, float[]> producer = producer();
                KafkaMetricsBinder kafkaMetrics = new KafkaMetricsBinder(registry)) {
            kafkaMetrics.bindConsumer(live);
            kafkaMetrics.bindProducer(producer);
            Optional<FeatureExtractor> first = firstModel(checkpoints);
            if (first.isEmpty()) {
                return;
            }
            Loop loop = new Loop(
                    live,
                    replay,
                    new EmbeddingSink(producer, topics.embeddings(config.modality())),
                    deadLetters,
                    first.get());
            live.subscribe(List.of(topics.clean(config.modality())), loop);
            loop.run(checkpoints);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot read the checkpoint index: " + e.getMessage(), e);
        }
    }

    private Optional<FeatureExtractor> firstModel(CheckpointFollower checkpoints) throws TimeoutException {
        Optional<Checkpoint> cp = checkpoints.catchUp(Duration.ofSeconds(60));
        while (!stop.get()) {
            Optional<FeatureExtractor> model = cp.flatMap(this::load);
            if (model.isPresent()) {
                return model;
            }
            cp = checkpoints.poll(Duration.ofMillis(200));
        }
        return Optional.empty();
    }

    private Optional<FeatureExtractor> load(Checkpoint cp) {
        try {
            FeatureExtractor model = FeatureExtractor.fromCheckpoint(cp);
            modelVersion.set(model.version());
            LOG.info("Embedding with checkpoint {} v{}", model.method(), model.version());
            return Optional.of(model);
        } catch (RuntimeException e) {
            LOG.error(
                    "Checkpoint {} v{} does not load; keeping the current model",
                    cp.manifest().method(),
                    cp.manifest().version(),
                    e);
            return Optional.empty();
        }
    }

    /** The embedding loop: live batches, re-embedding steps and model swaps on one thread. */
    private final class Loop implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> live;
        private final EmbeddingSink sink;
        private final DeadLetterPublisher deadLetters;
        private final ReEmbedding reembed;
        private FeatureExtractor model;

        Loop(
                KafkaConsumer<byte[], byte[]> live,
                KafkaConsumer<byte[], byte[]> replay,
                EmbeddingSink sink,
                DeadLetterPublisher deadLetters,
                FeatureExtractor model) {
            this.live = live;
            this.sink = sink;
            this.deadLetters = deadLetters;
            this.model = model;
            this.reembed = new ReEmbedding(replay);
        }

        void run(CheckpointFollower checkpoints) {
            try {
                while (!stop.get()) {
                    checkpoints.poll(Duration.ZERO).flatMap(Embedder.this::load).ifPresent(this::swap);
                    embedLive(live.poll(Duration.ofMillis(200)));
                    embedReplay();
                    reembedProgress.set(reembed.progress());
                }
            } finally {
                model.close();
            }
        }

        private void swap(FeatureExtractor next) {
            model.close();
            model = next;
            if (config.getBoolean(EmbedderConfig.REEMBED_ON_NEW_VERSION_CONFIG)) {
                Map<TopicPartition, Long> positions = new HashMap<>();
                live.assignment().forEach(tp -> positions.put(tp, live.position(tp)));
                reembed.restart(model.version(), positions);
            }
        }

        private void embedLive(Iterable<ConsumerRecord<byte[], byte[]>> polled) {
            List<EmbeddingSink.Input> batch = new ArrayList<>();
            Map<TopicPartition, Long> first = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : polled) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                first.putIfAbsent(tp, r.offset());
                commit.put(tp, new OffsetAndMetadata(r.offset() + 1, reembed.metadata(tp)));
                decode(r, true).ifPresent(batch::add);
            }
            if (commit.isEmpty()) {
                return;
            }
            if (publish(batch)) {
                batch.forEach(in -> HeaderNames.getLong(in.record().headers(), HeaderNames.EVENT_TIME)
                        .ifPresent(
                                t -> latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - t)))));
                live.commitSync(commit);
            } else {
                first.forEach(live::seek);
            }
        }

        private void embedReplay() {
            List<ConsumerRecord<byte[], byte[]>> polled = reembed.poll(Duration.ZERO);
            List<EmbeddingSink.Input> batch = new ArrayList<>();
            Map<TopicPartition, Long> first = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : polled) {
                first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
                decode(r, false).ifPresent(batch::add);
            }
            if (!publish(batch)) {
                reembed.rewind(first);
                return;
            }
            List<TopicPartition> done = reembed.completed();
            if (!done.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                done.stream()
                        .filter(live.assignment()::contains)
                        .forEach(tp -> commit.put(tp, new OffsetAndMetadata(live.position(tp), reembed.metadata(tp))));
                live.commitSync(commit);
                reembeddedVersion.set(reembed.completeVersion());
                LOG.info("Re-embedding with v{} complete on {}", model.version(), done);
            }
        }

        /** Decodes a clean record; a live record that does not decode is dead-lettered. */
        private Optional<EmbeddingSink.Input> decode(ConsumerRecord<byte[], byte[]> r, boolean deadLetter) {
            if (r.value() == null || r.key() == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new EmbeddingSink.Input(
                        r, new String(r.key(), StandardCharsets.UTF_8), CleanInputs.read(r.value(), model.spec())));
            } catch (IllegalArgumentException e) {
                if (deadLetter) {
                    deadLetters.reject(r, SOURCE, DeadLetterPublisher.UNUSABLE, e);
                }
                return Optional.empty();
            } catch (RuntimeException e) {
                if (deadLetter) {
                    deadLetters.reject(r, SOURCE, DeadLetterPublisher.CORRUPT, e);
                }
                return Optional.empty();
            }
        }

        /** Publishes a batch; false (counted, after a pause) if any embedding was not acknowledged. */
        private boolean publish(List<EmbeddingSink.Input> batch) {
            if (batch.isEmpty()) {
                return true;
            }
            long start = System.nanoTime();
            try {
                sink.publish(batch, model);
            } catch (KafkaException e) {
                sendFailures.increment();
                LOG.warn("Embeddings not acknowledged; retrying the batch in {}", RETRY_BACKOFF, e);
                sleep(RETRY_BACKOFF);
                return false;
            }
            forward.record(Duration.ofNanos(System.nanoTime() - start));
            records.increment(batch.size());
            published.addAndGet(batch.size());
            return true;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            reembed.assigned(partitions, live.committed(new HashSet<>(partitions)), model.version());
            reembeddedVersion.set(reembed.completeVersion());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            reembed.revoked(partitions);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(boolean group) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        if (group) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(EmbedderConfig.GROUP_ID_CONFIG));
        } else {
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(EmbedderConfig.BATCH_SIZE_CONFIG));
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "autodidact-embedder" + (group ? "" : "-replay"));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, float[]> producer() {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
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

    /** Newest version whose re-embedding completed on every partition this instance owns, 0 before. */
    public long reembeddedVersion() {
        return reembeddedVersion.get();
    }

    public void stop() {
        stop.set(true);
    }

    @Override
    public void close() {
        stop();
    }
}
