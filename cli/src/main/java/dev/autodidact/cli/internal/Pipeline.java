package dev.autodidact.cli.internal;

import dev.autodidact.learner.Learner;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.embed.Embedder;
import dev.autodidact.learner.embed.EmbedderConfig;
import dev.autodidact.learner.modality.audio.AudioVitEncoderSpec;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.learner.modality.image.VitEncoderSpec;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.schema.Modality;
import dev.autodidact.streams.StreamApp;
import dev.autodidact.streams.StreamAppConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole pipeline in one JVM: the stream-app, the learner, optionally the embedder, and a feeder that publishes a
 * folder of media to the raw topic pass after pass. Used by {@code demo} and {@code pretrain}. The learner's
 * {@code modality} decides for all of them: the stream-app runs that modality's topology, the feeder publishes that
 * kind of file ({@link MediaKind}: images, or {@code .wav} recordings for audio) to its raw topic, and the stream-app
 * gets the learner's recipe settings ({@code dino.*}, the pretext keys, {@code audio.*}) so both sides agree.
 */
public final class Pipeline implements AutoCloseable {
    /** How far the feeder may run ahead of the learner, in records. */
    /**
     * Records the feeder stays ahead of training beyond what the learner's shuffle buffer holds: the buffer must be
     * able to fill, or every draw would wait for the stream to fall idle.
     */
    private static final long FEED_AHEAD = 4096;

    private final ServiceThreads threads;
    private final AtomicBoolean stopFeeding = new AtomicBoolean();
    private final StreamApp streams;
    private final Learner learner;
    private final Embedder embedder;
    private final RawFeeder feeder;
    private final Thread learnerThread;
    private final KafkaTarget kafka;
    private final Modality modality;

    /** A pipeline feeding {@code data} in {@link FeedOrder#SORTED} order. */
    public Pipeline(
            KafkaTarget kafka,
            Path data,
            Map<String, Object> learnerSettings,
            Map<String, Object> streamSettings,
            boolean embed,
            Path stateDir,
            MeterRegistry registry) {
        this(kafka, data, FeedOrder.SORTED, learnerSettings, streamSettings, embed, stateDir, registry);
    }

    /**
     * @param order the order of each pass over {@code data}, shuffled with {@link RawFeeder#DEFAULT_SEED}
     * @param learnerSettings learner config keys (method, limits, checkpoint dir, hyper-parameters)
     * @param streamSettings stream-app config keys (image size, augmentation knobs)
     */
    public Pipeline(
            KafkaTarget kafka,
            Path data,
            FeedOrder order,
            Map<String, Object> learnerSettings,
            Map<String, Object> streamSettings,
            boolean embed,
            Path stateDir,
            MeterRegistry registry) {
        this.kafka = kafka;
        this.threads = new ServiceThreads(registry);
        LearnerConfig learnerConfig = new LearnerConfig(merge(kafka, learnerSettings));
        this.modality = learnerConfig.modality();
        kafka.ensureTopics(modality, learnerConfig.method());
        Map<String, Object> streamProps =
                streamSettings(modality, learnerConfig.method(), learnerSettings, merge(kafka, streamSettings));
        // masked-patches examples must cut the image or spectrogram into the patches the ViT embeds
        if (learnerConfig.encoder() instanceof VitEncoderSpec vit) {
            streamProps.putIfAbsent("mae.patch.size", vit.patchSize());
        } else if (learnerConfig.encoder() instanceof AudioVitEncoderSpec vit) {
            streamProps.putIfAbsent("mae.patch.size", vit.patchSize());
        }
        if (modality == Modality.IMAGE) {
            streamProps.put(StreamAppConfig.IMAGE_SIZE_CONFIG, learnerConfig.getInt(ImageKit.IMAGE_SIZE_CONFIG));
        }
        streamProps.put(
                StreamAppConfig.STATE_DIR_CONFIG, stateDir.resolve("streams").toString());
        this.streams = StreamApp.start(new StreamAppConfig(streamProps), registry);
        this.learner = new Learner(learnerConfig, registry);
        this.embedder = embed
                ? new Embedder(
                        new EmbedderConfig(merge(kafka, Map.of(EmbedderConfig.METHOD_CONFIG, learnerConfig.method()))),
                        registry)
                : null;
        this.feeder = new RawFeeder(
                kafka.clientProperties(),
                kafka.topics().raw(modality),
                data,
                MediaKind.of(modality.id()),
                order,
                RawFeeder.DEFAULT_SEED);
        this.learnerThread = threads.start("learner", learner::run);
        if (embedder != null) {
            threads.start("embedder", embedder::run);
        }
        long ahead = FEED_AHEAD + learnerConfig.getInt(LearnerConfig.SHUFFLE_BUFFER_RECORDS_CONFIG);
        threads.start(
                "feeder",
                () -> feeder.feedContinuously(
                        () -> learner.progress().samplesSeen(),
                        ahead,
                        () -> stopFeeding.get() || !learnerThread.isAlive()));
    }

    /**
     * The stream-app's settings for the learner's modality and method: {@code base} (Kafka and explicit stream
     * settings, which win), the modality, the method, and the learner's settings the stream-app shares
     * ({@code dino.*}, the pretext keys, {@code audio.*}) where {@code base} does not set them.
     *
     * @param modality the learner's modality: the topology the stream-app runs
     * @param method the learner's method: the one examples topic made
     * @param learnerSettings the learner's settings as given
     * @param base the stream-app's settings so far; not modified
     * @return a new map
     */
    static Map<String, Object> streamSettings(
            Modality modality, String method, Map<String, Object> learnerSettings, Map<String, Object> base) {
        Map<String, Object> streamProps = new HashMap<>(base);
        streamProps.put(StreamAppConfig.MODALITY_CONFIG, modality.id());
        streamProps.put(StreamAppConfig.METHODS_CONFIG, method);
        learnerSettings.forEach((key, value) -> {
            if (key.startsWith("dino.")
                    || StreamAppConfig.pretextSettings().contains(key)
                    || StreamAppConfig.audioSettings().contains(key)) {
                streamProps.putIfAbsent(key, value);
            }
        });
        return streamProps;
    }

    private static Map<String, Object> merge(KafkaTarget kafka, Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("topic.prefix", kafka.topics().prefix());
        props.putAll(settings);
        return props;
    }

    /**
     * Publishes the labeled files of the modality under {@code labeledRoot} ({@code <class>/<file>} or
     * {@code <class>.zip}) once to the probe topic, for the learner's online kNN and linear probe at each checkpoint.
     *
     * @return the number of records published
     */
    public long publishProbe(Path labeledRoot) {
        try (RawFeeder probe = new RawFeeder(
                kafka.clientProperties(),
                kafka.topics().probe(modality),
                labeledRoot,
                MediaKind.of(modality.id()),
                true)) {
            probe.feedOnce();
            return probe.produced();
        }
    }

    public Learner learner() {
        return learner;
    }

    public Embedder embedder() {
        return embedder;
    }

    public RawFeeder feeder() {
        return feeder;
    }

    /** Waits for the learner to reach its limits, calling {@code onTick} every {@code tick}; rethrows failures. */
    public void awaitLearner(Duration tick, Consumer<Pipeline> onTick) throws InterruptedException {
        while (learnerThread.isAlive()) {
            learnerThread.join(tick.toMillis());
            threads.rethrow();
            onTick.accept(this);
        }
        threads.rethrow();
    }

    /** Stops the learner gracefully (it publishes a final checkpoint) and waits for it. */
    public void stopLearner() throws InterruptedException {
        learner.stop();
        learnerThread.join();
        threads.rethrow();
    }

    @Override
    public void close() throws InterruptedException {
        stopFeeding.set(true);
        learner.stop();
        if (embedder != null) {
            embedder.stop();
        }
        threads.joinAll(30_000);
        feeder.close();
        streams.close();
    }
}
