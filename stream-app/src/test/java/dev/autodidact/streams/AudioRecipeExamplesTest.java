package dev.autodidact.streams;

import static dev.autodidact.streams.AudioTopologyTest.assertPcm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.media.audio.views.AudioRecipes;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.method.MethodEntry;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.AudioDecodeProcessor;
import dev.autodidact.streams.internal.AudioExamplesProcessor;
import dev.autodidact.streams.internal.AudioViewRecipes;
import dev.autodidact.streams.internal.CleanAudio;
import dev.autodidact.streams.internal.Outcome;
import dev.autodidact.streams.internal.RecipeTensors;
import dev.autodidact.streams.internal.RecordSeeds;
import dev.autodidact.streams.internal.SizeLimitedSerde;
import dev.autodidact.streams.internal.StreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One example per audio recipe, made by the decode and examples processors in a topology of their own: cpc and
 * wav2vec2, which ask for waveform examples, add their catalogue entries with the learner's methods, so each test
 * builds its {@link MethodEntry} by hand and maps it with {@link AudioViewRecipes#forEntry}, as {@link AudioTopology}
 * does for a catalogued method.
 */
class AudioRecipeExamplesTest {
    private static final String RAW = "raw";
    private static final String EXAMPLES = "examples";
    private static final long SEED = 5;

    static Stream<Arguments> audioRecipes() {
        return Stream.of(
                Arguments.of(
                        entry("simclr", ExampleRecipe.TWO_VIEWS),
                        Map.of("view.0", "F32[1, 64, 73]", "view.1", "F32[1, 64, 73]")),
                Arguments.of(
                        entry("mae", ExampleRecipe.MASKED_PATCHES),
                        Map.of("view.0", "F32[1, 64, 96]", "mask", "U8[96]", "mask.index", "I32[96]")),
                Arguments.of(entry("cpc", ExampleRecipe.WAVEFORM), Map.of("view.0", "F32[16000]")),
                Arguments.of(entry("wav2vec2", ExampleRecipe.WAVEFORM), Map.of("view.0", "F32[16000]")));
    }

    @ParameterizedTest
    @MethodSource("audioRecipes")
    void shouldWriteTheContractArraysOfEachAudioRecipeNextToTheInput(MethodEntry method, Map<String, String> arrays) {
        StreamAppConfig config = AudioTopologyTest.config(Map.of());
        AudioRecipe recipe = AudioViewRecipes.forEntry(method, config);

        List<Example> examples = run(method, recipe, "1_jackson_5.wav", "5_lucas_12.wav");

        Example example = examples.get(0);
        assertPcm(example.array(ArrayNames.INPUT));
        assertThat(example.arrays()).hasSize(1 + arrays.size());
        arrays.forEach(
                (name, shape) -> assertThat(shape(example.array(name))).as(name).isEqualTo(shape));
        assertThat(List.copyOf(example.arrays().keySet()).subList(0, 2)).containsExactly(ArrayNames.INPUT, "view.0");
        assertThat(example.metadata())
                .containsOnlyKeys(Example.MODALITY, Example.RECIPE, Example.AUGMENT, CleanAudio.SAMPLE_RATE)
                .containsEntry(Example.MODALITY, "audio")
                .containsEntry(Example.RECIPE, method.recipe().id())
                .containsEntry(Example.AUGMENT, recipe.spec());
        assertThat(AudioRecipes.parse(recipe.spec())).isEqualTo(recipe);
        for (RecipeArray array : AudioTopologyTest.redraw(example, RecordSeeds.generator(SEED, RAW, 0, 0))
                .arrays()) {
            assertThat(example.array(array.name())).as(array.name()).isEqualTo(RecipeTensors.of(array));
        }
        assertThat(examples.get(1).array("view.0"))
                .as("the next record gets other random draws")
                .isNotEqualTo(example.array("view.0"));
    }

    @Test
    void shouldCropAnAugmentedWaveformOfAboutUnitAmplitude() {
        StreamAppConfig config = AudioTopologyTest.config(Map.of("audio.waveform.seconds", "0.5", "audio.shift", "0"));
        MethodEntry cpc = entry("cpc", ExampleRecipe.WAVEFORM);
        AudioRecipe recipe = AudioViewRecipes.forEntry(cpc, config);

        Example example = run(cpc, recipe, "9_theo_30.wav").get(0);

        Tensor view = example.array("view.0");
        assertThat(shape(view)).isEqualTo("F32[8000]");
        float peak = 0;
        for (float v : view.floats()) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isGreaterThan(0.01f).isLessThan(4f);
        assertThat(example.meta(Example.AUGMENT).orElseThrow())
                .startsWith("v1;audio-waveform;rate=16000;crop.seconds=0.5;");
    }

    @Test
    void shouldRefuseAnImageOnlyKindOfExampleForAudio() {
        StreamAppConfig config = AudioTopologyTest.config(Map.of());
        for (ExampleRecipe kind : List.of(ExampleRecipe.MULTI_CROP, ExampleRecipe.ROTATION, ExampleRecipe.JIGSAW)) {
            assertThatThrownBy(() -> AudioViewRecipes.forEntry(entry("x", kind), config))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'" + kind.id() + "'")
                    .hasMessageContaining("audio stream-app cannot make");
        }
    }

    private static MethodEntry entry(String name, ExampleRecipe recipe) {
        return new MethodEntry(name, Set.of(Modality.AUDIO), recipe, name + " on audio");
    }

    private static String shape(Tensor array) {
        return array.dtype() + Arrays.toString(array.shape());
    }

    /** Decodes each file and makes one example of it with {@code recipe}, as the audio topology does. */
    private static List<Example> run(MethodEntry method, AudioRecipe recipe, String... files) {
        StreamAppConfig config = AudioTopologyTest.config(Map.of());
        StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry(), Modality.AUDIO.id());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(RAW, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .processValues(() -> new AudioDecodeProcessor(config.audioCanonicalizer(), metrics), Named.as("decode"))
                .mapValues(outcome -> ((Outcome.Accepted<CleanAudio>) outcome).value(), Named.as("accepted"))
                .processValues(
                        () -> new AudioExamplesProcessor(method, recipe, SEED, metrics, null, 1), Named.as("examples"))
                .to(EXAMPLES, Produced.with(Serdes.String(), SizeLimitedSerde.examples()));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
            TestInputTopic<String, byte[]> raw =
                    driver.createInputTopic(RAW, new StringSerializer(), new ByteArraySerializer());
            for (String file : files) {
                raw.pipeInput(file, TestAudio.fsdd(file));
            }
            return driver.createOutputTopic(EXAMPLES, new StringDeserializer(), new ExampleSerde().deserializer())
                    .readValuesToList();
        }
    }

    @Test
    void shouldGiveTheWaveformRecipeTheContractsOneSecondCropWithoutMixing() {
        AudioRecipe recipe =
                AudioViewRecipes.forEntry(entry("cpc", ExampleRecipe.WAVEFORM), AudioTopologyTest.config(Map.of()));

        assertThat(recipe.arrayLayouts()).singleElement().satisfies(layout -> {
            assertThat(layout.name()).isEqualTo("view.0");
            assertThat(layout.type()).isEqualTo(RecipeArray.ElementType.F32);
            assertThat(layout.shape()).containsExactly(16_000);
        });
        assertThat(recipe.mixesOtherClip()).isFalse();
    }
}
