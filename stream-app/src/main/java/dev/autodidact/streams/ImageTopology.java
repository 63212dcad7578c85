package dev.autodidact.streams;

import dev.autodidact.media.image.ImageCanonicalizer;
import dev.autodidact.media.image.ImageDecoder;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.method.MethodEntry;
import dev.autodidact.streams.internal.ContentDedupProcessor;
import dev.autodidact.streams.internal.DeadLetterRoute;
import dev.autodidact.streams.internal.ImageDecodeProcessor;
import dev.autodidact.streams.internal.ImageExamplesProcessor;
import dev.autodidact.streams.internal.ImageViewRecipes;
import dev.autodidact.streams.internal.Outcome;
import dev.autodidact.streams.internal.PoisonRecordGuard;
import dev.autodidact.streams.internal.PoisonRecords;
import dev.autodidact.streams.internal.SizeLimitedSerde;
import dev.autodidact.streams.internal.StreamMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.state.Stores;

/**
 * The image topology: {@code raw.image} (String key, encoded bytes) is decoded, checked against the limits and
 * canonicalized to {@code image.size} square ({@value #DECODE}); usable images go to {@code clean.image}, rejected
 * records to the dead-letter topic with their original bytes and headers plus {@code dlq.reason}, {@code dlq.message},
 * {@code dlq.exception}, {@code dlq.topic}, {@code dlq.partition} and {@code dlq.offset}. For each configured method a
 * second processor ({@code image-examples-<method>}) makes a training example on {@code examples.image.<method>}, with
 * the view recipe of the {@link dev.autodidact.schema.method.ExampleRecipe} the method catalogue names for it.
 *
 * <p>Both outputs are {@link dev.autodidact.schema.example.Example}s written with
 * {@link dev.autodidact.schema.serde.ExampleSerde} (the safetensors layout after one version byte): a clean record
 * holds the canonical image as the uint8 {@code [h, w, 3]} array {@code input}; an example holds the same
 * {@code input}, the views as {@code view.0}, {@code view.1}, ... and the metadata {@code modality=image},
 * {@code recipe=two-views} or {@code multi-crop}, and {@code augment}: the spec of the view recipe that drew the views
 * (e.g. {@code v1;two-views;views=2;size=32;scale=0.08,1.0;...}), from which
 * {@link dev.autodidact.media.image.views.ViewRecipes#parse} rebuilds it, so that a replay buffer can draw new views
 * of the input with exactly the stream-app's augmentation. A value too large for a record goes to the dead-letter
 * topic with reason {@code record-too-large}.
 *
 * <p>All per-record work uses {@code processValues} or {@code mapValues}, so nothing is repartitioned, and every
 * source, processor and sink is named. Record headers (content type, source, event time) travel to the clean and
 * example records. Other modalities get their own topology class next to this one, sharing the dead-letter route and
 * the exception handlers.
 *
 * <p>With {@code dedup.enabled} (default) a record reaches {@code clean.image} only when its key is new or its
 * canonical pixels changed ({@value #DEDUP}); examples are made from every valid record, so a folder fed again and
 * again gives fresh views without making the embedder re-embed unchanged images.
 *
 * <p>The decode processor is wrapped in a {@link PoisonRecordGuard}: every other node runs inside its
 * {@code process} call, so a record whose processing kills the stream thread (an {@link Error}) is counted, and after
 * {@code poison.max.failures} such deaths it goes to the dead-letter topic with reason {@code repeated-failure}.
 */
public final class ImageTopology {
    /** Name of the source node reading {@code raw.image}. */
    public static final String SOURCE = "image-raw-source";
    /** Name of the decoding processor. */
    public static final String DECODE = "image-decode";
    /** Name of the step that turns a clean image into its {@code Example} ({@code input} array). */
    public static final String CLEAN_EXAMPLE = "image-clean-example";
    /** Name of the sink writing {@code clean.image}. */
    public static final String CLEAN_SINK = "image-clean-sink";
    /** Name of the processor that holds back unchanged records from {@code clean.image}. */
    public static final String DEDUP = "image-dedup";
    /** Name of its store: record key to a hash of the canonical pixels. */
    public static final String DEDUP_STORE = "image-dedup-store";
    /** Prefix of the route nodes, including the dead-letter sink {@code image-dead-letter-sink}. */
    public static final String ROUTE = "image";

    private ImageTopology() {}

    /**
     * Builds the image topology on its own, with a {@link PoisonRecords} tracker of its own: enough for the
     * TopologyTestDriver; {@link StreamApp} shares one tracker between the topology and the exception handlers.
     *
     * @param config the settings: topics, image size and limits, methods, views, seed
     * @param registry where the stream meters are recorded
     * @return the topology
     */
    public static Topology build(StreamAppConfig config, MeterRegistry registry) {
        return build(config, registry, new PoisonRecords(config.poisonMaxFailures()));
    }

    /**
     * Builds the image topology on its own.
     *
     * @param config the settings: topics, image size and limits, methods, views, seed
     * @param registry where the stream meters are recorded
     * @param poison the tracker shared with the uncaught-exception and production handlers
     * @return the topology
     */
    public static Topology build(StreamAppConfig config, MeterRegistry registry, PoisonRecords poison) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, config, registry, poison);
        return builder.build();
    }

    /**
     * Adds the image nodes to {@code builder}, so that one application can run several modalities.
     *
     * @param builder the builder to add to
     * @param config the settings
     * @param registry where the stream meters are recorded
     * @param poison the tracker shared with the uncaught-exception and production handlers
     */
    public static void addTo(
            StreamsBuilder builder, StreamAppConfig config, MeterRegistry registry, PoisonRecords poison) {
        addTo(builder, config, registry, poison, UnaryOperator.identity());
    }

    /**
     * As {@link #addTo(StreamsBuilder, StreamAppConfig, MeterRegistry, PoisonRecords)}, with the decode processor
     * decorated: the seam through which tests make a record fail the way no real image does.
     */
    static void addTo(
            StreamsBuilder builder,
            StreamAppConfig config,
            MeterRegistry registry,
            PoisonRecords poison,
            UnaryOperator<FixedKeyProcessor<String, byte[], Outcome<CleanImage>>> decorateDecode) {
        Topics topics = config.topics();
        StreamMetrics metrics = new StreamMetrics(registry, Modality.IMAGE.id());
        ImageDecoder decoder = new ImageDecoder(config.imageLimits());
        ImageCanonicalizer canonicalizer = new ImageCanonicalizer(config.imageSize());

        KStream<String, Outcome<CleanImage>> outcomes = builder.stream(
                        topics.raw(Modality.IMAGE),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(SOURCE))
                .processValues(
                        () -> new PoisonRecordGuard<>(
                                poison,
                                metrics,
                                decorateDecode.apply(new ImageDecodeProcessor(decoder, canonicalizer, metrics))),
                        Named.as(DECODE));
        KStream<String, CleanImage> clean = DeadLetterRoute.route(outcomes, ROUTE, topics.deadLetter());
        KStream<String, CleanImage> changed = clean;
        if (config.dedupEnabled()) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(DEDUP_STORE), Serdes.String(), Serdes.ByteArray()));
            changed = clean.processValues(
                            () -> new ContentDedupProcessor<>(DEDUP_STORE, metrics, ContentDedupProcessor.IMAGE),
                            Named.as(DEDUP),
                            DEDUP_STORE)
                    .filter((key, image) -> image != null, Named.as(DEDUP + "-changed"));
        }
        changed.peek((key, image) -> metrics.recordClean(), Named.as(ROUTE + "-clean-count"))
                .mapValues(ImageArrays::clean, Named.as(CLEAN_EXAMPLE))
                .to(
                        topics.clean(Modality.IMAGE),
                        Produced.with(Serdes.String(), SizeLimitedSerde.examples())
                                .withName(CLEAN_SINK));

        for (String method : config.methods()) {
            MethodEntry entry = ImageViewRecipes.entry(method);
            ViewRecipe recipe = ImageViewRecipes.forEntry(entry, config);
            clean.processValues(
                            () -> new ImageExamplesProcessor(entry, recipe, config.seed(), metrics),
                            Named.as(examplesProcessor(method)))
                    .to(
                            topics.examples(Modality.IMAGE, method),
                            Produced.with(Serdes.String(), SizeLimitedSerde.examples())
                                    .withName(examplesProcessor(method) + "-sink"));
        }
    }

    /**
     * @param method an SSL method name
     * @return the name of the processor making that method's examples; its sink is this name plus {@code -sink}
     */
    public static String examplesProcessor(String method) {
        return "image-examples-" + method;
    }
}
