package dev.autodidact.streams;

import dev.autodidact.media.audio.AudioCanonicalizer;
import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.method.MethodEntry;
import dev.autodidact.streams.internal.AudioDecodeProcessor;
import dev.autodidact.streams.internal.AudioExamplesProcessor;
import dev.autodidact.streams.internal.AudioMixRing;
import dev.autodidact.streams.internal.AudioViewRecipes;
import dev.autodidact.streams.internal.CleanAudio;
import dev.autodidact.streams.internal.ContentDedupProcessor;
import dev.autodidact.streams.internal.DeadLetterRoute;
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
 * The audio topology, the image topology's twin: {@code raw.audio} (String key, the bytes of a WAV file) is decoded
 * within the limits, mixed down, resampled to {@code audio.sample.rate} and cut or padded to {@code audio.clip.seconds}
 * ({@value #DECODE}); usable clips go to {@code clean.audio}, rejected records (a header that lies about its sizes, too
 * many bytes, channels or seconds, not a WAV file) to the dead-letter topic with their original bytes and headers plus
 * {@code dlq.reason}, {@code dlq.message}, {@code dlq.exception}, {@code dlq.topic}, {@code dlq.partition} and
 * {@code dlq.offset}, counted by reason. For each configured method a second processor
 * ({@code audio-examples-<method>}) makes a training example on {@code examples.audio.<method>} with the audio recipe
 * of the method's {@link dev.autodidact.schema.method.ExampleRecipe} ({@link AudioViewRecipes}).
 *
 * <p>A clean record is an {@link dev.autodidact.schema.example.Example} holding the clip as the I16 {@code [T]} array
 * {@code input} (T = rate x clip seconds, 16000 by default) with metadata {@code modality=audio} and
 * {@code sample.rate}; an example holds the same {@code input}, the draw's arrays ({@code view.0}, {@code view.1},
 * {@code mask}, {@code mask.index}) and the metadata {@code modality}, {@code sample.rate}, {@code recipe} (the
 * ExampleRecipe id: {@code two-views}, {@code masked-patches} or {@code waveform}) and {@code augment} (the media
 * recipe's spec, which {@link dev.autodidact.media.audio.views.AudioRecipes#parse} rebuilds). A value too large for a
 * record goes to the dead-letter topic with reason {@code record-too-large}; the configuration already refuses settings
 * whose examples cannot fit.
 *
 * <p>As for images: every node is named, per-record work uses {@code processValues} or {@code mapValues} (no
 * repartition), headers travel to the clean and example records, the decode processor is wrapped in a
 * {@link PoisonRecordGuard}, and with {@code dedup.enabled} a clip reaches {@code clean.audio} only when its key is new
 * or its samples changed ({@value #DEDUP}), while examples are made from every valid record. A method whose recipe
 * mixes another clip in ({@code audio.mix > 0}) gets a changelogged {@link AudioMixRing} of the task's recent clips
 * ({@code audio-mix-ring-<method>}), so that a replayed record mixes with the same clip.
 */
public final class AudioTopology {
    /** Name of the source node reading {@code raw.audio}. */
    public static final String SOURCE = "audio-raw-source";
    /** Name of the decoding processor. */
    public static final String DECODE = "audio-decode";
    /** Name of the step that turns a clean clip into its {@code Example} ({@code input} array). */
    public static final String CLEAN_EXAMPLE = "audio-clean-example";
    /** Name of the sink writing {@code clean.audio}. */
    public static final String CLEAN_SINK = "audio-clean-sink";
    /** Name of the processor that holds back unchanged clips from {@code clean.audio}. */
    public static final String DEDUP = "audio-dedup";
    /** Name of its store: record key to a hash of the canonical samples. */
    public static final String DEDUP_STORE = "audio-dedup-store";
    /** Prefix of the route nodes, including the dead-letter sink {@code audio-dead-letter-sink}. */
    public static final String ROUTE = "audio";

    private AudioTopology() {}

    /**
     * Builds the audio topology on its own, with a {@link PoisonRecords} tracker of its own: enough for the
     * TopologyTestDriver; {@link StreamApp} shares one tracker between the topology and the exception handlers.
     *
     * @param config the settings: topics, audio clip and limits, methods, recipe knobs, seed
     * @param registry where the stream meters are recorded
     * @return the topology
     */
    public static Topology build(StreamAppConfig config, MeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, config, registry, new PoisonRecords(config.poisonMaxFailures()));
        return builder.build();
    }

    /**
     * Adds the audio nodes to {@code builder}.
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
     * decorated: the seam through which tests make a record fail the way no real recording does.
     */
    static void addTo(
            StreamsBuilder builder,
            StreamAppConfig config,
            MeterRegistry registry,
            PoisonRecords poison,
            UnaryOperator<FixedKeyProcessor<String, byte[], Outcome<CleanAudio>>> decorateDecode) {
        Topics topics = config.topics();
        StreamMetrics metrics = new StreamMetrics(registry, Modality.AUDIO.id());
        AudioCanonicalizer canonicalizer = config.audioCanonicalizer();

        KStream<String, Outcome<CleanAudio>> outcomes = builder.stream(
                        topics.raw(Modality.AUDIO),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(SOURCE))
                .processValues(
                        () -> new PoisonRecordGuard<>(
                                poison,
                                metrics,
                                decorateDecode.apply(new AudioDecodeProcessor(canonicalizer, metrics))),
                        Named.as(DECODE));
        KStream<String, CleanAudio> clean = DeadLetterRoute.route(outcomes, ROUTE, topics.deadLetter());
        KStream<String, CleanAudio> changed = clean;
        if (config.dedupEnabled()) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(DEDUP_STORE), Serdes.String(), Serdes.ByteArray()));
            changed = clean.processValues(
                            () -> new ContentDedupProcessor<>(DEDUP_STORE, metrics, ContentDedupProcessor.AUDIO),
                            Named.as(DEDUP),
                            DEDUP_STORE)
                    .filter((key, clip) -> clip != null, Named.as(DEDUP + "-changed"));
        }
        changed.peek((key, clip) -> metrics.recordClean(), Named.as(ROUTE + "-clean-count"))
                .mapValues(CleanAudio::toClean, Named.as(CLEAN_EXAMPLE))
                .to(
                        topics.clean(Modality.AUDIO),
                        Produced.with(Serdes.String(), SizeLimitedSerde.examples())
                                .withName(CLEAN_SINK));

        int ringClips = config.audioMixClips();
        for (String method : config.methods()) {
            MethodEntry entry = AudioViewRecipes.entry(method);
            AudioRecipe recipe = AudioViewRecipes.forEntry(entry, config);
            String ring = recipe.mixesOtherClip() ? mixRingStore(method) : null;
            String[] stores = ring == null ? new String[0] : new String[] {ring};
            if (ring != null) {
                builder.addStateStore(AudioMixRing.storeBuilder(ring));
            }
            clean.processValues(
                            () -> new AudioExamplesProcessor(entry, recipe, config.seed(), metrics, ring, ringClips),
                            Named.as(examplesProcessor(method)),
                            stores)
                    .to(
                            topics.examples(Modality.AUDIO, method),
                            Produced.with(Serdes.String(), SizeLimitedSerde.examples())
                                    .withName(examplesProcessor(method) + "-sink"));
        }
    }

    /**
     * @param method an SSL method name
     * @return the name of the processor making that method's examples; its sink is this name plus {@code -sink}
     */
    public static String examplesProcessor(String method) {
        return "audio-examples-" + method;
    }

    /**
     * @param method an SSL method name
     * @return the name of the store of the clips that method's examples mix in, when its recipe mixes
     */
    public static String mixRingStore(String method) {
        return "audio-mix-ring-" + method;
    }
}
