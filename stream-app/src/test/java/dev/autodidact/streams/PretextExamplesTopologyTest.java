package dev.autodidact.streams;

import static dev.autodidact.streams.ImageTopologyTest.assertImageArray;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.method.MethodEntry;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.ImageConversion;
import dev.autodidact.streams.internal.ImageExamplesProcessor;
import dev.autodidact.streams.internal.ImageViewRecipes;
import dev.autodidact.streams.internal.StreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One example per pretext recipe, made by the examples processor in a topology of its own: the methods that ask for
 * these recipes add their catalogue entries themselves, so each test builds its {@link MethodEntry} by hand and maps
 * it with {@link ImageViewRecipes#forEntry}, as {@link ImageTopology} does for a catalogued method.
 */
class PretextExamplesTopologyTest {
    private static final String CLEAN = "clean";
    private static final String EXAMPLES = "examples";

    /**
     * Each kind of example, a method asking for it, its views' count and side, and the arrays the contract gives it
     * besides input and views.
     */
    static Stream<Arguments> pretextMethods() {
        return Stream.of(
                Arguments.of(
                        entry("mae", ExampleRecipe.MASKED_PATCHES),
                        1,
                        32,
                        Map.of("mask", shape(DType.U8, 64), "mask.index", shape(DType.I32, 64))),
                Arguments.of(entry("rotnet", ExampleRecipe.ROTATION), 4, 32, Map.of("target", shape(DType.I32, 4))),
                Arguments.of(entry("jigsaw", ExampleRecipe.JIGSAW), 9, 16, Map.of("target", shape(DType.I32, 1))),
                Arguments.of(
                        entry("inpainting", ExampleRecipe.INPAINTING),
                        1,
                        32,
                        Map.of("mask", shape(DType.U8, 32, 32), "target", shape(DType.U8, 32, 32, 3))),
                Arguments.of(
                        entry("colorization", ExampleRecipe.COLORIZATION),
                        1,
                        32,
                        Map.of("target", shape(DType.F32, 32, 32, 2))),
                Arguments.of(
                        entry("denoising_ae", ExampleRecipe.DENOISING),
                        1,
                        32,
                        Map.of("target", shape(DType.U8, 32, 32, 3))));
    }

    @ParameterizedTest
    @MethodSource("pretextMethods")
    void shouldWriteTheRecipesArraysNextToTheInputAndViews(
            MethodEntry method, int views, int side, Map<String, String> arrays) {
        StreamAppConfig config = ImageTopologyTest.config(Map.of());
        ViewRecipe recipe = ImageViewRecipes.forEntry(method, config);
        Example clean = clean();

        List<Example> examples = run(method, recipe, config, clean, clean);

        Example example = examples.get(0);
        assertThat(example.array(ArrayNames.INPUT)).isEqualTo(clean.array(ArrayNames.INPUT));
        assertThat(example.viewCount()).isEqualTo(views);
        example.views().forEach(view -> assertImageArray(view, side));
        assertThat(example.arrays()).hasSize(1 + views + arrays.size());
        arrays.forEach((name, expected) ->
                assertThat(shape(example.array(name))).as(name).isEqualTo(expected));
        assertThat(example.metadata())
                .containsOnlyKeys(Example.MODALITY, Example.RECIPE, Example.AUGMENT)
                .containsEntry(Example.MODALITY, "image")
                .containsEntry(Example.RECIPE, method.recipe().id())
                .containsEntry(Example.AUGMENT, recipe.spec());
        assertThat(recipe.spec()).startsWith("v1;" + method.recipe().id() + ";");
        assertThat(ViewRecipes.parse(recipe.spec())).isEqualTo(recipe);
        assertThat(examples.get(1).views())
                .as("the next record gets other random draws")
                .isNotEqualTo(example.views());
    }

    @Test
    void shouldMaskThreeQuartersOfSixtyFourPatchesByDefault() {
        Example example = example(entry("mae", ExampleRecipe.MASKED_PATCHES), Map.of());

        byte[] mask = example.array(ArrayNames.MASK).bytes();
        int[] index = example.array(ArrayNames.MASK_INDEX).ints();
        assertThat(IntStream.range(0, 64).map(i -> mask[i]).sum()).isEqualTo(48);
        assertThat(IntStream.range(0, 16).map(i -> mask[index[i]]).sum()).isZero();
        assertThat(index.clone())
                .containsExactlyInAnyOrder(IntStream.range(0, 64).toArray());
    }

    @Test
    void shouldHonourThePretextKnobs() {
        Example mae = example(
                entry("mae", ExampleRecipe.MASKED_PATCHES),
                Map.of("mae.patch.size", "8", "mae.mask.ratio", "0.5", "pretext.crop.scale.min", "0.5"));
        assertThat(mae.array(ArrayNames.MASK).shape()).containsExactly(16);
        assertThat(IntStream.range(0, 16)
                        .map(i -> mae.array(ArrayNames.MASK).bytes()[i])
                        .sum())
                .isEqualTo(8);
        assertThat(mae.meta(Example.AUGMENT).orElseThrow()).contains(";patch.size=8;", ";base.scale=0.5,1.0;");

        Example jigsaw = example(
                entry("jigsaw", ExampleRecipe.JIGSAW),
                Map.of("jigsaw.grid", "2", "jigsaw.permutations", "24", "jigsaw.gap", "0", "jigsaw.tile.size", "12"));
        assertThat(jigsaw.array(ArrayNames.TARGET).ints()[0]).isBetween(0, 23);
        assertThat(jigsaw.viewCount()).isEqualTo(4);
        jigsaw.views().forEach(tile -> assertImageArray(tile, 12));
        assertThat(jigsaw.meta(Example.AUGMENT).orElseThrow()).contains(";grid=2;permutations=24;gap=0;tile.size=12;");

        Example inpainting =
                example(entry("inpainting", ExampleRecipe.INPAINTING), Map.of("inpainting.region", "0.25"));
        byte[] erased = inpainting.array(ArrayNames.MASK).bytes();
        assertThat(IntStream.range(0, erased.length).map(i -> erased[i]).sum()).isEqualTo(8 * 8);

        Example denoising = example(
                entry("denoising_ae", ExampleRecipe.DENOISING),
                Map.of("denoising.noise.std", "0.0", "denoising.drop", "0.0"));
        assertThat(denoising.array("view.0").bytes())
                .isEqualTo(denoising.array(ArrayNames.TARGET).bytes());
    }

    @Test
    void shouldRotateByEachQuarterTurnOnceAndGrayTheColorizationInput() {
        Example rotation = example(entry("rotnet", ExampleRecipe.ROTATION), Map.of());
        assertThat(rotation.array(ArrayNames.TARGET).ints()).containsExactlyInAnyOrder(0, 1, 2, 3);

        Example colorization = example(entry("colorization", ExampleRecipe.COLORIZATION), Map.of());
        byte[] gray = colorization.array("view.0").bytes();
        for (int i = 0; i < gray.length; i += 3) {
            assertThat(gray[i + 1]).isEqualTo(gray[i]);
            assertThat(gray[i + 2]).isEqualTo(gray[i]);
        }
        float[] ab = colorization.array(ArrayNames.TARGET).floats();
        for (float v : ab) {
            assertThat(v).isBetween(-1.1f, 1.1f);
        }
        assertThat(Math.abs(ab[0]) + Math.abs(ab[1])).isGreaterThan(0f);
    }

    private static MethodEntry entry(String name, ExampleRecipe recipe) {
        return new MethodEntry(name, Set.of(Modality.IMAGE), recipe, "a hand-made entry for " + recipe.id());
    }

    private static String shape(DType dtype, int... dims) {
        return dtype + Arrays.toString(dims);
    }

    private static String shape(Tensor array) {
        return shape(array.dtype(), array.shape());
    }

    private static Example clean() {
        return ImageArrays.clean(ImageConversion.toClean(TestImages.noise(32, 32, 17)));
    }

    private static Example example(MethodEntry method, Map<String, String> settings) {
        StreamAppConfig config = ImageTopologyTest.config(settings);
        return run(method, ImageViewRecipes.forEntry(method, config), config, clean())
                .get(0);
    }

    /** Pipes the clean records through the examples processor of {@code method} and reads the examples back. */
    private static List<Example> run(MethodEntry method, ViewRecipe recipe, StreamAppConfig config, Example... clean) {
        StreamsBuilder builder = new StreamsBuilder();
        StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry(), Modality.IMAGE.id());
        builder.stream(CLEAN, Consumed.with(Serdes.String(), new ExampleSerde()))
                .mapValues(example -> ImageArrays.image(example.array(ArrayNames.INPUT)))
                .processValues(() -> new ImageExamplesProcessor(method, recipe, config.seed(), metrics))
                .to(EXAMPLES, Produced.with(Serdes.String(), new ExampleSerde()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pretext-examples-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, Example> in =
                    driver.createInputTopic(CLEAN, Serdes.String().serializer(), new ExampleSerde().serializer());
            TestOutputTopic<String, Example> out = driver.createOutputTopic(
                    EXAMPLES, Serdes.String().deserializer(), new ExampleSerde().deserializer());
            for (int i = 0; i < clean.length; i++) {
                in.pipeInput("k" + i, clean[i]);
            }
            return out.readValuesToList();
        }
    }
}
