package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.SimClrRecipe;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.ImageConversion;
import dev.autodidact.streams.internal.RecordSeeds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

class ImageTopologyTest {
    private static final int SIZE = 32;
    private final Topics topics = new Topics(Topics.DEFAULT_PREFIX);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Example> clean;
    private TestOutputTopic<String, Example> examples;
    private TestOutputTopic<String, byte[]> deadLetter;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldCanonicalizePngAndMakeTwoDifferentViews() {
        start(Map.of());
        raw.pipeInput(new TestRecord<>("a", TestImages.png(64, 48), sourceHeaders("image/png")));

        TestRecord<String, Example> cleanRecord = clean.readRecord();
        assertThat(cleanRecord.key()).isEqualTo("a");
        assertThat(cleanRecord.value().arrays()).containsOnlyKeys(ArrayNames.INPUT);
        assertImageArray(cleanRecord.value().array(ArrayNames.INPUT), SIZE);
        assertThat(cleanRecord.value().metadata()).containsExactly(Map.entry(Example.MODALITY, "image"));
        assertSourceHeaders(cleanRecord.headers(), "image/png");
        assertThat(clean.isEmpty()).isTrue();

        TestRecord<String, Example> example = examples.readRecord();
        assertThat(example.value().arrays()).containsOnlyKeys(ArrayNames.INPUT, "view.0", "view.1");
        assertThat(example.value().array(ArrayNames.INPUT))
                .isEqualTo(cleanRecord.value().array(ArrayNames.INPUT));
        example.value().views().forEach(view -> assertImageArray(view, SIZE));
        assertThat(example.value().modality()).isEqualTo(Modality.IMAGE);
        assertThat(example.value().meta("recipe")).contains(ExampleRecipe.TWO_VIEWS.id());
        assertThat(example.value().meta("augment"))
                .contains(new SimClrRecipe(SimClrAugmentation.defaultsFor(SIZE), 2).spec());
        assertThat(example.value().array("view.0")).isNotEqualTo(example.value().array("view.1"));
        assertSourceHeaders(example.headers(), "image/png");
        assertThat(examples.isEmpty()).isTrue();
        assertThat(deadLetter.isEmpty()).isTrue();
    }

    @Test
    void shouldWriteTheCanonicalPixelsAsTheCleanInput() {
        start(Map.of());
        raw.pipeInput("a", TestImages.png(SIZE, SIZE));

        Tensor input = clean.readValue().array(ArrayNames.INPUT);
        // A PNG of the canonical size is kept as is: row-major HWC, pixel (x=5, y=0) at offset 3 * 5.
        assertThat(ImageArrays.image(input).width()).isEqualTo(SIZE);
        assertThat(input.bytes()[3 * 5] & 0xFF).isEqualTo(255 * 5 / SIZE);
        assertThat(input.bytes()[3 * SIZE * 7 + 1] & 0xFF).isEqualTo(255 * 7 / SIZE);
    }

    @Test
    void shouldCarryTheCleanInputAndASpecThatRedrawsTheSameViews() {
        start(Map.of(
                StreamAppConfig.SEED_CONFIG,
                "9",
                StreamAppConfig.VIEWS_CONFIG,
                "3",
                "simclr.blur.probability",
                "0.5",
                "simclr.crop.scale.min",
                "0.3"));
        raw.pipeInput("a", TestImages.png(64, 48));
        raw.pipeInput("b", TestImages.jpeg(40, 56));
        clean.readValuesToList();

        List<Example> made = examples.readValuesToList();
        for (int offset = 0; offset < made.size(); offset++) {
            Example example = made.get(offset);
            ViewRecipe recipe = ViewRecipes.parse(example.meta("augment").orElseThrow());
            RgbImage input = ImageConversion.toRgb(ImageArrays.image(example.array(ArrayNames.INPUT)));
            List<RgbImage> redrawn =
                    recipe.views(input, RecordSeeds.generator(9, topics.raw(Modality.IMAGE), 0, offset));

            assertThat(redrawn).hasSize(3);
            for (int v = 0; v < redrawn.size(); v++) {
                assertThat(redrawn.get(v).pixels())
                        .as("view %d of record %d", v, offset)
                        .isEqualTo(example.array(ArrayNames.view(v)).bytes());
            }
            assertThat(recipe.views(input, new SplittableRandom(offset)).get(0).pixels())
                    .isNotEqualTo(example.array("view.0").bytes());
        }
    }

    @Test
    void shouldCanonicalizeJpeg() {
        start(Map.of());
        raw.pipeInput("j", TestImages.jpeg(40, 80));

        assertImageArray(clean.readValue().array(ArrayNames.INPUT), SIZE);
        assertThat(examples.readValue().viewCount()).isEqualTo(2);
    }

    @Test
    void shouldRouteCorruptImageToDeadLetterAndKeepGoing() {
        start(Map.of());
        byte[] corrupt = TestImages.truncatedPng(64, 64);
        raw.pipeInput(new TestRecord<>("bad", corrupt, sourceHeaders("image/png")));
        raw.pipeInput("good", TestImages.png(32, 32));

        TestRecord<String, byte[]> dead = deadLetter.readRecord();
        assertThat(dead.key()).isEqualTo("bad");
        assertThat(dead.value()).isEqualTo(corrupt);
        Headers h = dead.headers();
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_REASON)).contains("corrupt");
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_MESSAGE))
                .hasValueSatisfying(m -> assertThat(m).isNotBlank());
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_EXCEPTION))
                .contains("dev.autodidact.media.MediaRejectedException");
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_TOPIC)).contains(topics.raw(Modality.IMAGE));
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_PARTITION)).contains("0");
        assertThat(HeaderNames.get(h, HeaderNames.DLQ_OFFSET)).contains("0");
        assertSourceHeaders(h, "image/png");
        assertThat(deadLetter.isEmpty()).isTrue();

        assertThat(clean.readRecord().key()).isEqualTo("good");
        assertThat(examples.readRecord().key()).isEqualTo("good");
    }

    @Test
    void shouldRouteUnknownBytesToDeadLetterAsUnsupportedFormat() {
        start(Map.of());
        raw.pipeInput("text", "not an image".getBytes(StandardCharsets.UTF_8));

        assertThat(HeaderNames.get(deadLetter.readRecord().headers(), HeaderNames.DLQ_REASON))
                .contains("unsupported-format");
        assertThat(clean.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectRecordOverMaxBytesBeforeDecoding() {
        start(Map.of(StreamAppConfig.IMAGE_MAX_BYTES_CONFIG, "1000"));
        byte[] big = Arrays.copyOf(TestImages.png(8, 8), 1001);
        raw.pipeInput("big", big);

        TestRecord<String, byte[]> dead = deadLetter.readRecord();
        assertThat(HeaderNames.get(dead.headers(), HeaderNames.DLQ_REASON)).contains("too-many-bytes");
        assertThat(dead.value()).isEqualTo(big);
        assertThat(clean.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectImageWhoseHeaderExceedsMaxPixels() {
        start(Map.of(StreamAppConfig.IMAGE_MAX_PIXELS_CONFIG, "10000"));
        raw.pipeInput("wide", TestImages.png(200, 100));
        raw.pipeInput("fits", TestImages.png(100, 100));

        assertThat(HeaderNames.get(deadLetter.readRecord().headers(), HeaderNames.DLQ_REASON))
                .contains("too-many-pixels");
        assertThat(clean.readRecord().key()).isEqualTo("fits");
    }

    @Test
    void shouldDrawSameViewsForSameSeedAndOffset() {
        byte[] png = TestImages.png(64, 64);
        Example first = viewsOf(png, 7L);
        Example again = viewsOf(png, 7L);
        Example otherSeed = viewsOf(png, 8L);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void shouldDrawDifferentViewsAtDifferentOffsets() {
        start(Map.of());
        byte[] png = TestImages.png(64, 64);
        raw.pipeInput("x", png);
        raw.pipeInput("x", png);

        assertThat(examples.readValue()).isNotEqualTo(examples.readValue());
    }

    @Test
    void shouldCountRecordsInOutAndRejected() {
        start(Map.of());
        raw.pipeInput("a", TestImages.png(32, 32));
        raw.pipeInput("b", TestImages.truncatedPng(64, 64));
        raw.pipeInput("c", TestImages.jpeg(32, 32));

        assertThat(count("autodidact.stream.records.in", "modality", "image")).isEqualTo(3.0);
        assertThat(count("autodidact.stream.records.out", "kind", "clean")).isEqualTo(2.0);
        assertThat(count("autodidact.stream.records.out", "kind", "examples")).isEqualTo(2.0);
        assertThat(count("autodidact.stream.records.rejected", "reason", "corrupt"))
                .isEqualTo(1.0);
        assertThat(registry.get("autodidact.stream.decode").timer().count()).isEqualTo(3);
        assertThat(registry.get("autodidact.stream.augment")
                        .tag("method", "simclr")
                        .timer()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void shouldForwardARepeatedImageOnceToCleanButMakeExamplesEveryTime() {
        start(Map.of());
        byte[] png = TestImages.png(32, 32);
        raw.pipeInput("same", png);
        raw.pipeInput("same", png);
        raw.pipeInput("other", png);

        assertThat(clean.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("same", "other");
        assertThat(examples.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("same", "same", "other");
        assertThat(count("autodidact.stream.records.deduplicated", "modality", "image"))
                .isEqualTo(1.0);
        assertThat(count("autodidact.stream.records.out", "kind", "clean")).isEqualTo(2.0);
    }

    @Test
    void shouldForwardAChangedImageUnderTheSameKey() {
        start(Map.of());
        raw.pipeInput("k", TestImages.png(32, 32));
        raw.pipeInput("k", TestImages.png(48, 32));

        assertThat(clean.readValuesToList()).hasSize(2);
    }

    @Test
    void shouldForwardRepeatsWhenDedupIsOff() {
        start(Map.of(StreamAppConfig.DEDUP_ENABLED_CONFIG, "false"));
        byte[] png = TestImages.png(32, 32);
        raw.pipeInput("same", png);
        raw.pipeInput("same", png);

        assertThat(clean.readValuesToList()).hasSize(2);
    }

    @Test
    void shouldNameEverySourceProcessorAndSink() {
        String description =
                ImageTopology.build(config(Map.of()), registry).describe().toString();

        assertThat(description)
                .doesNotContain("KSTREAM-", "KTABLE-", "KSTREAM_")
                .contains(
                        ImageTopology.SOURCE,
                        ImageTopology.DECODE,
                        ImageTopology.CLEAN_EXAMPLE,
                        ImageTopology.CLEAN_SINK,
                        "image-dead-letter-sink",
                        ImageTopology.examplesProcessor("simclr") + "-sink");
    }

    private Example viewsOf(byte[] png, long seed) {
        start(Map.of(StreamAppConfig.SEED_CONFIG, Long.toString(seed)));
        raw.pipeInput("k", png);
        Example views = examples.readValue();
        driver.close();
        driver = null;
        return views;
    }

    /** Asserts a uint8 {@code [side, side, 3]} image array. */
    static void assertImageArray(Tensor array, int side) {
        assertThat(array.dtype()).isEqualTo(DType.U8);
        assertThat(array.shape()).containsExactly(side, side, 3);
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static Headers sourceHeaders(String contentType) {
        Headers headers = new RecordHeaders();
        HeaderNames.put(headers, HeaderNames.CONTENT_TYPE, contentType);
        HeaderNames.put(headers, HeaderNames.SOURCE, "test");
        HeaderNames.put(headers, HeaderNames.EVENT_TIME, "1700000000000");
        return headers;
    }

    private static void assertSourceHeaders(Headers headers, String contentType) {
        assertThat(HeaderNames.get(headers, HeaderNames.CONTENT_TYPE)).contains(contentType);
        assertThat(HeaderNames.get(headers, HeaderNames.SOURCE)).contains("test");
        assertThat(HeaderNames.get(headers, HeaderNames.EVENT_TIME)).contains("1700000000000");
    }

    static StreamAppConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                StreamAppConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                StreamAppConfig.APPLICATION_ID_CONFIG, "image-topology-test",
                StreamAppConfig.IMAGE_SIZE_CONFIG, Integer.toString(SIZE)));
        props.putAll(overrides);
        return new StreamAppConfig(props);
    }

    private void start(Map<String, String> overrides) {
        StreamAppConfig config = config(overrides);
        driver = new TopologyTestDriver(
                ImageTopology.build(config, registry), StreamApp.streamsProperties(config, registry));
        raw = driver.createInputTopic(topics.raw(Modality.IMAGE), new StringSerializer(), new ByteArraySerializer());
        clean = driver.createOutputTopic(
                topics.clean(Modality.IMAGE), new StringDeserializer(), new ExampleSerde().deserializer());
        examples = driver.createOutputTopic(
                topics.examples(Modality.IMAGE, "simclr"), new StringDeserializer(), new ExampleSerde().deserializer());
        deadLetter =
                driver.createOutputTopic(topics.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
