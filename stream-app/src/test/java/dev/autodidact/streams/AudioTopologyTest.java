package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.views.AudioDraw;
import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.media.audio.views.AudioRecipes;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.AudioViewRecipes;
import dev.autodidact.streams.internal.CleanAudio;
import dev.autodidact.streams.internal.RecipeTensors;
import dev.autodidact.streams.internal.RecordSeeds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audio topology on the TopologyTestDriver, fed real spoken digits (8 kHz WAV files): canonical 16 kHz clips on
 * {@code clean.audio}, the examples of the catalogue's audio methods (simclr, byol: two log-mel views; mae: a masked
 * spectrogram), broken files on the dead-letter topic with their reason, and examples a replay buffer can draw again
 * from the input and the spec. {@link AudioRecipeExamplesTest} covers the waveform recipe, which no catalogued method
 * asks for yet.
 */
class AudioTopologyTest {
    static final int CLIP = 16_000;
    private final Topics topics = new Topics(Topics.DEFAULT_PREFIX);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Example> clean;
    private TestOutputTopic<String, byte[]> deadLetter;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldCanonicalizeASpokenDigitAndMakeTwoLogMelViews() {
        start(Map.of());
        raw.pipeInput(new TestRecord<>("jackson", TestAudio.fsdd("1_jackson_5.wav"), sourceHeaders()));

        TestRecord<String, Example> cleanRecord = clean.readRecord();
        assertThat(cleanRecord.key()).isEqualTo("jackson");
        Example clip = cleanRecord.value();
        assertThat(clip.arrays()).containsOnlyKeys(ArrayNames.INPUT);
        assertPcm(clip.array(ArrayNames.INPUT));
        assertThat(clip.metadata())
                .containsExactly(Map.entry(Example.MODALITY, "audio"), Map.entry(CleanAudio.SAMPLE_RATE, "16000"));
        assertSourceHeaders(cleanRecord.headers());
        short[] samples = shorts(clip.array(ArrayNames.INPUT));
        // 0.571 s of speech at 8 kHz resampled to 16 kHz: sound in the first 9,132 samples, silence padded after.
        assertThat(rms(samples, 0, 9_000)).isGreaterThan(100);
        assertThat(rms(samples, 9_300, CLIP)).isZero();

        TestRecord<String, Example> example = examples("simclr").readRecord();
        Example views = example.value();
        assertThat(views.arrays()).containsOnlyKeys(ArrayNames.INPUT, "view.0", "view.1");
        assertThat(views.array(ArrayNames.INPUT)).isEqualTo(clip.array(ArrayNames.INPUT));
        assertLogMel(views.array("view.0"), 64, 73);
        assertLogMel(views.array("view.1"), 64, 73);
        assertThat(views.array("view.0")).isNotEqualTo(views.array("view.1"));
        assertThat(views.modality()).isEqualTo(Modality.AUDIO);
        assertThat(views.metadata())
                .containsOnlyKeys(Example.MODALITY, Example.RECIPE, Example.AUGMENT, CleanAudio.SAMPLE_RATE)
                .containsEntry(Example.RECIPE, ExampleRecipe.TWO_VIEWS.id())
                .containsEntry(
                        Example.AUGMENT,
                        AudioViewRecipes.forMethod("simclr", config(Map.of())).spec());
        assertThat(views.meta(Example.AUGMENT).orElseThrow()).startsWith("v1;audio-two-views;rate=16000;");
        assertSourceHeaders(example.headers());
        assertThat(deadLetter.isEmpty()).isTrue();
    }

    @Test
    void shouldMakeTheContractShapesOfEveryCatalogueAudioMethod() {
        start(Map.of(StreamAppConfig.METHODS_CONFIG, "simclr,byol,mae"));
        raw.pipeInput("lucas", TestAudio.fsdd("5_lucas_12.wav"));

        for (String method : List.of("simclr", "byol")) {
            Example example = examples(method).readValue();
            assertThat(example.arrays()).containsOnlyKeys(ArrayNames.INPUT, "view.0", "view.1");
            assertLogMel(example.array("view.0"), 64, 73);
            assertLogMel(example.array("view.1"), 64, 73);
            assertThat(example.meta(Example.RECIPE)).contains("two-views");
        }
        Example mae = examples("mae").readValue();
        assertThat(mae.arrays()).containsOnlyKeys(ArrayNames.INPUT, "view.0", ArrayNames.MASK, ArrayNames.MASK_INDEX);
        assertPcm(mae.array(ArrayNames.INPUT));
        assertLogMel(mae.array("view.0"), 64, 96);
        assertThat(mae.array(ArrayNames.MASK).dtype()).isEqualTo(DType.U8);
        assertThat(mae.array(ArrayNames.MASK).shape()).containsExactly(96);
        assertThat(mae.array(ArrayNames.MASK_INDEX).dtype()).isEqualTo(DType.I32);
        assertThat(mae.array(ArrayNames.MASK_INDEX).shape()).containsExactly(96);
        byte[] mask = mae.array(ArrayNames.MASK).bytes();
        int masked = 0;
        for (byte m : mask) {
            masked += m;
        }
        assertThat(masked).as("96 patches of 8 x 8, a quarter visible").isEqualTo(72);
        int[] index = mae.array(ArrayNames.MASK_INDEX).ints();
        for (int i = 0; i < index.length; i++) {
            assertThat(mask[index[i]]).as("patch at %d", i).isEqualTo((byte) (i < 24 ? 0 : 1));
        }
        assertThat(mae.meta(Example.RECIPE)).contains("masked-patches");
        assertThat(mae.meta(Example.AUGMENT).orElseThrow()).contains(";patch.size=8;mask.ratio=0.75");
    }

    @Test
    void shouldRouteAWavWhoseHeaderLiesToDeadLetterWithItsReasonAndKeepGoing() {
        start(Map.of());
        byte[] lying = TestAudio.lyingDataSize();
        raw.pipeInput(new TestRecord<>("lying", lying, sourceHeaders()));
        raw.pipeInput("good", TestAudio.fsdd("8_nicolas_20.wav"));

        TestRecord<String, byte[]> dead = deadLetter.readRecord();
        assertThat(dead.key()).isEqualTo("lying");
        assertThat(dead.value()).isEqualTo(lying);
        Headers h = dead.headers();
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_REASON)).contains("corrupt");
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_MESSAGE))
                .hasValueSatisfying(m -> assertThat(m).contains("'data'"));
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_EXCEPTION))
                .contains("dev.autodidact.media.MediaRejectedException");
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_TOPIC)).contains(topics.raw(Modality.AUDIO));
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_PARTITION)).contains("0");
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_OFFSET)).contains("0");
        assertSourceHeaders(h);
        assertThat(deadLetter.isEmpty()).isTrue();

        assertThat(clean.readRecord().key()).isEqualTo("good");
        assertThat(examples("simclr").readRecord().key()).isEqualTo("good");
        assertThat(count("autodidact.stream.records.rejected", "corrupt")).isEqualTo(1.0);
    }

    @Test
    void shouldRejectEveryKindOfBadRecordWithItsOwnReason() {
        start(Map.of("audio.max.seconds", "0.6", "audio.max.bytes", "100000"));
        raw.pipeInput("channels", TestAudio.absurdChannels());
        raw.pipeInput("align", TestAudio.zeroBlockAlign());
        raw.pipeInput("long", TestAudio.fsdd("9_theo_30.wav"));
        raw.pipeInput("png", TestImages.png(8, 8));
        raw.pipeInput("empty", new byte[0]);
        raw.pipeInput("big", Arrays.copyOf(TestAudio.fsdd("8_nicolas_20.wav"), 100_001));

        assertThat(deadLetter.readRecordsToList())
                .extracting(r -> r.key() + ":"
                        + HeaderNames.get(r.headers(), HeaderNames.DLQ_REASON).orElseThrow())
                .containsExactly(
                        "channels:unsupported-format",
                        "align:corrupt",
                        "long:too-long",
                        "png:unsupported-format",
                        "empty:empty",
                        "big:too-many-bytes");
        assertThat(clean.isEmpty()).isTrue();
        assertThat(count("autodidact.stream.records.rejected", "unsupported-format"))
                .isEqualTo(2.0);
        assertThat(count("autodidact.stream.records.rejected", "too-long")).isEqualTo(1.0);
        assertThat(registry.get("autodidact.stream.records.in")
                        .tag("modality", "audio")
                        .counter()
                        .count())
                .isEqualTo(6.0);
    }

    @Test
    void shouldCarryTheInputAndASpecThatRedrawsTheSameArrays() {
        start(Map.of(StreamAppConfig.SEED_CONFIG, "11", StreamAppConfig.METHODS_CONFIG, "simclr,mae"));
        for (String name : TestAudio.FSDD) {
            raw.pipeInput(name, TestAudio.fsdd(name));
        }

        for (String method : List.of("simclr", "mae")) {
            List<Example> made = examples(method).readValuesToList();
            assertThat(made).hasSize(TestAudio.FSDD.size());
            for (int offset = 0; offset < made.size(); offset++) {
                Example example = made.get(offset);
                AudioDraw redrawn = redraw(example, RecordSeeds.generator(11, topics.raw(Modality.AUDIO), 0, offset));
                for (RecipeArray array : redrawn.arrays()) {
                    assertThat(example.array(array.name()))
                            .as("%s of %s record %d", array.name(), method, offset)
                            .isEqualTo(RecipeTensors.of(array));
                }
                assertThat(example.arrays()).hasSize(1 + redrawn.arrays().size());
            }
        }
    }

    @Test
    void shouldMakeTheSameExamplesFromTheSameRecordsAndSeed() {
        List<Example> first = examplesOnce(7L);
        List<Example> again = examplesOnce(7L);
        List<Example> otherSeed = examplesOnce(8L);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed.get(0).array("view.0")).isNotEqualTo(first.get(0).array("view.0"));
        assertThat(otherSeed.get(0).array(ArrayNames.INPUT))
                .isEqualTo(first.get(0).array(ArrayNames.INPUT));
    }

    @Test
    void shouldMixAnEarlierClipOfTheTaskFromAChangelogRingAndReproduceTheMix() {
        Map<String, String> mixing =
                Map.of("audio.mix", "0.5", "audio.mix.clips", "1", StreamAppConfig.SEED_CONFIG, "3");
        start(mixing);
        assertThat(driver.getKeyValueStore(AudioTopology.mixRingStore("simclr")))
                .isNotNull();
        for (String name : TestAudio.FSDD.subList(0, 3)) {
            raw.pipeInput(name, TestAudio.fsdd(name));
        }
        List<Example> made = examples("simclr").readValuesToList();
        List<PcmClip> inputs = made.stream()
                .map(e -> CleanAudio.fromPcm16(e.array(ArrayNames.INPUT).bytes(), 16_000)
                        .clip())
                .toList();
        String rawTopic = topics.raw(Modality.AUDIO);

        assertThat(made.get(0).array("view.0"))
                .as("the first record finds the ring empty")
                .isEqualTo(
                        RecipeTensors.of(redraw(made.get(0), Optional.empty(), RecordSeeds.generator(3, rawTopic, 0, 0))
                                .arrays()
                                .get(0)));
        for (int offset = 1; offset < 3; offset++) {
            AudioDraw mixedWithPrevious = redraw(
                    made.get(offset),
                    Optional.of(inputs.get(offset - 1)),
                    RecordSeeds.generator(3, rawTopic, 0, offset));
            AudioDraw unmixed =
                    redraw(made.get(offset), Optional.empty(), RecordSeeds.generator(3, rawTopic, 0, offset));
            assertThat(made.get(offset).array("view.0"))
                    .as("record %d mixes with the one clip the ring holds, the record before it", offset)
                    .isEqualTo(RecipeTensors.of(mixedWithPrevious.arrays().get(0)))
                    .isNotEqualTo(RecipeTensors.of(unmixed.arrays().get(0)));
        }
        driver.close();
        driver = null;

        start(mixing);
        for (String name : TestAudio.FSDD.subList(0, 3)) {
            raw(name);
        }
        assertThat(examples("simclr").readValuesToList()).isEqualTo(made);
    }

    @Test
    void shouldForwardARepeatedClipOnceToCleanButMakeExamplesEveryTime() {
        start(Map.of());
        byte[] wav = TestAudio.fsdd("1_jackson_5.wav");
        raw.pipeInput("same", wav);
        raw.pipeInput("same", wav);
        raw.pipeInput("other", wav);
        raw.pipeInput("same", TestAudio.fsdd("5_lucas_12.wav"));

        assertThat(clean.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("same", "other", "same");
        assertThat(examples("simclr").readKeyValuesToList()).hasSize(4);
        assertThat(registry.get("autodidact.stream.records.deduplicated")
                        .tag("modality", "audio")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldNameEverySourceProcessorSinkAndStore() {
        String description = AudioTopology.build(
                        config(Map.of(StreamAppConfig.METHODS_CONFIG, "simclr,mae", "audio.mix", "0.3")), registry)
                .describe()
                .toString();

        assertThat(description)
                .doesNotContain("KSTREAM-", "KTABLE-", "KSTREAM_")
                .contains(
                        AudioTopology.SOURCE,
                        AudioTopology.DECODE,
                        AudioTopology.CLEAN_EXAMPLE,
                        AudioTopology.CLEAN_SINK,
                        AudioTopology.DEDUP_STORE,
                        "audio-dead-letter-sink",
                        AudioTopology.examplesProcessor("simclr") + "-sink",
                        AudioTopology.examplesProcessor("mae") + "-sink",
                        AudioTopology.mixRingStore("simclr"))
                .doesNotContain(AudioTopology.mixRingStore("mae"));
    }

    private void raw(String name) {
        raw.pipeInput(name, TestAudio.fsdd(name));
    }

    private List<Example> examplesOnce(long seed) {
        start(Map.of(StreamAppConfig.SEED_CONFIG, Long.toString(seed)));
        raw("1_jackson_5.wav");
        raw("9_theo_30.wav");
        List<Example> made = examples("simclr").readValuesToList();
        driver.close();
        driver = null;
        return made;
    }

    /** Draws again what {@code example} holds: its recipe from its spec, its clip from its input. */
    static AudioDraw redraw(Example example, RandomGenerator rng) {
        return redraw(example, Optional.empty(), rng);
    }

    private static AudioDraw redraw(Example example, Optional<PcmClip> other, RandomGenerator rng) {
        AudioRecipe recipe = AudioRecipes.parse(example.meta(Example.AUGMENT).orElseThrow());
        int rate = Integer.parseInt(example.meta(CleanAudio.SAMPLE_RATE).orElseThrow());
        PcmClip clip = CleanAudio.fromPcm16(example.array(ArrayNames.INPUT).bytes(), rate)
                .clip();
        return recipe.draw(clip, other, rng);
    }

    /** Asserts the canonical clip: I16 {@code [16000]}. */
    static void assertPcm(Tensor array) {
        assertThat(array.dtype()).isEqualTo(DType.I16);
        assertThat(array.shape()).containsExactly(CLIP);
    }

    /** Asserts a log-mel view: F32 {@code [1, mels, frames]}, finite. */
    static void assertLogMel(Tensor array, int mels, int frames) {
        assertThat(array.dtype()).isEqualTo(DType.F32);
        assertThat(array.shape()).containsExactly(1, mels, frames);
        for (float v : array.floats()) {
            assertThat(Float.isFinite(v)).isTrue();
        }
    }

    static short[] shorts(Tensor pcm) {
        byte[] bytes = pcm.bytes();
        short[] out = new short[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((bytes[2 * i] & 0xFF) | bytes[2 * i + 1] << 8);
        }
        return out;
    }

    private static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    private double count(String name, String reason) {
        return registry.get(name)
                .tag("modality", "audio")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private static Headers sourceHeaders() {
        Headers headers = new RecordHeaders();
        HeaderNames.put(headers, HeaderNames.CONTENT_TYPE, "audio/wav");
        HeaderNames.put(headers, HeaderNames.SOURCE, "test");
        HeaderNames.put(headers, HeaderNames.EVENT_TIME, "1700000000000");
        return headers;
    }

    private static void assertSourceHeaders(Headers headers) {
        assertThat(HeaderNames.get(headers, HeaderNames.CONTENT_TYPE)).contains("audio/wav");
        assertThat(HeaderNames.get(headers, HeaderNames.SOURCE)).contains("test");
        assertThat(HeaderNames.get(headers, HeaderNames.EVENT_TIME)).contains("1700000000000");
    }

    static StreamAppConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                StreamAppConfig.APPLICATION_ID_CONFIG, "audio-topology-test",
                StreamAppConfig.MODALITY_CONFIG, "audio"));
        props.putAll(overrides);
        return new StreamAppConfig(props);
    }

    private void start(Map<String, String> overrides) {
        StreamAppConfig config = config(overrides);
        driver = new TopologyTestDriver(
                AudioTopology.build(config, registry), StreamApp.streamsProperties(config, registry));
        raw = driver.createInputTopic(topics.raw(Modality.AUDIO), new StringSerializer(), new ByteArraySerializer());
        clean = driver.createOutputTopic(
                topics.clean(Modality.AUDIO), new StringDeserializer(), new ExampleSerde().deserializer());
        deadLetter =
                driver.createOutputTopic(topics.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private TestOutputTopic<String, Example> examples(String method) {
        return driver.createOutputTopic(
                topics.examples(Modality.AUDIO, method), new StringDeserializer(), new ExampleSerde().deserializer());
    }
}
