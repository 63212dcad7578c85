package dev.autodidact.streams;

import static dev.autodidact.streams.ImageTopologyTest.assertImageArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.method.MethodCatalog;
import dev.autodidact.schema.method.MethodEntry;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.internal.ImageViewRecipes;
import dev.autodidact.streams.internal.PretextKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue method's examples come from the same clean image, by the recipe the catalogue names for it: two
 * views, multi-crop with mixed resolutions, or a pretext task's views with its masks and targets
 * ({@link PretextExamplesTopologyTest} checks those arrays).
 */
class MethodViewsTopologyTest {
    private final Topics topics = new Topics(Topics.DEFAULT_PREFIX);

    static Stream<MethodEntry> imageMethods() {
        return MethodCatalog.all().stream().filter(e -> e.supports(Modality.IMAGE));
    }

    @ParameterizedTest
    @MethodSource("imageMethods")
    void shouldMakeTheCatalogueRecipeForEveryImageMethod(MethodEntry method) {
        int expectedViews = switch (method.recipe()) {
            case TWO_VIEWS -> 2;
            case MULTI_CROP -> 2 + StreamAppConfig.DINO_LOCAL_CROPS_DEFAULT;
            case ROTATION -> 4;
            case JIGSAW -> PretextKeys.JIGSAW_GRID_DEFAULT * PretextKeys.JIGSAW_GRID_DEFAULT;
            case MASKED_PATCHES, INPAINTING, COLORIZATION, DENOISING -> 1;
            case WAVEFORM -> throw new IllegalStateException("No image method asks for waveform examples");
        };
        int viewSide = method.recipe() == ExampleRecipe.JIGSAW ? PretextKeys.JIGSAW_TILE_SIZE_DEFAULT : 32;
        StreamAppConfig config = ImageTopologyTest.config(Map.of(StreamAppConfig.METHODS_CONFIG, method.name()));
        try (TopologyTestDriver driver = driver(config)) {
            raw(driver).pipeInput("a", TestImages.png(64, 48));
            Example example = examples(driver, method.name()).readValue();

            ViewRecipe recipe = ImageViewRecipes.forMethod(method.name(), config);
            assertThat(example.viewCount()).isEqualTo(expectedViews);
            assertThat(example.arrays())
                    .hasSize(1 + expectedViews + recipe.arrayLayouts().size())
                    .containsKey(ArrayNames.INPUT);
            assertImageArray(example.array(ArrayNames.INPUT), 32);
            assertThat(example.metadata())
                    .containsOnlyKeys(Example.MODALITY, "recipe", "augment")
                    .containsEntry(Example.MODALITY, "image")
                    .containsEntry("recipe", method.recipe().id())
                    .containsEntry(
                            "augment",
                            ImageViewRecipes.forMethod(method.name(), config).spec());
            assertThat(example.meta("augment").orElseThrow())
                    .startsWith("v1;" + method.recipe().id() + ";");
            assertThat(ViewRecipes.parse(example.meta("augment").orElseThrow()).viewSides())
                    .hasSize(expectedViews);
            assertImageArray(example.array("view.0"), viewSide);
            if (expectedViews > 1) {
                assertImageArray(example.array("view.1"), viewSide);
                assertThat(example.array("view.0")).isNotEqualTo(example.array("view.1"));
            }
        }
    }

    @Test
    void shouldMakeDinoExamplesOfTwoGlobalAndSeveralLocalCrops() {
        StreamAppConfig config = ImageTopologyTest.config(Map.of(StreamAppConfig.METHODS_CONFIG, "dino,simclr"));
        try (TopologyTestDriver driver = driver(config)) {
            raw(driver).pipeInput("a", TestImages.png(64, 48));
            Example dino = examples(driver, "dino").readValue();
            assertThat(dino.viewCount()).isEqualTo(2 + StreamAppConfig.DINO_LOCAL_CROPS_DEFAULT);
            assertThat(dino.meta("recipe")).contains(ExampleRecipe.MULTI_CROP.id());
            List<Tensor> views = dino.views();
            for (int v = 0; v < views.size(); v++) {
                assertImageArray(views.get(v), v < 2 ? 32 : 16);
            }
            Example simclr = examples(driver, "simclr").readValue();
            assertThat(simclr.viewCount()).isEqualTo(2);
            assertThat(simclr.meta("recipe")).contains(ExampleRecipe.TWO_VIEWS.id());
        }
    }

    @Test
    void shouldHonourTheMultiCropKnobs() {
        StreamAppConfig config = ImageTopologyTest.config(Map.of(
                StreamAppConfig.METHODS_CONFIG,
                "dino",
                StreamAppConfig.DINO_LOCAL_CROPS_CONFIG,
                "3",
                StreamAppConfig.DINO_LOCAL_SIZE_CONFIG,
                "12"));
        try (TopologyTestDriver driver = driver(config)) {
            raw(driver).pipeInput("a", TestImages.png(40, 40));
            Example dino = examples(driver, "dino").readValue();
            assertThat(dino.arrays())
                    .containsOnlyKeys(ArrayNames.INPUT, "view.0", "view.1", "view.2", "view.3", "view.4");
            assertThat(dino.views()).extracting(view -> view.dim(1)).containsExactly(32, 32, 12, 12, 12);
            assertThat(ViewRecipes.parse(dino.meta("augment").orElseThrow())).isEqualTo(config.multiCrop());
            assertThat(dino.meta("augment").orElseThrow()).contains(";local.crops=3;", ";local.size=12;");
        }
    }

    @Test
    void shouldGiveTheViewsSettingToSimclrOnlyAndTwoViewsToTheOtherTwoViewMethods() {
        StreamAppConfig config = ImageTopologyTest.config(
                Map.of(StreamAppConfig.METHODS_CONFIG, "simclr,byol", StreamAppConfig.VIEWS_CONFIG, "3"));
        try (TopologyTestDriver driver = driver(config)) {
            raw(driver).pipeInput("a", TestImages.png(64, 48));

            assertThat(examples(driver, "simclr").readValue().viewCount()).isEqualTo(3);
            assertThat(examples(driver, "byol").readValue().viewCount()).isEqualTo(2);
        }
        assertThat(MethodCatalog.get(ImageViewRecipes.VIEWS_SETTING_METHOD).recipe())
                .isEqualTo(ExampleRecipe.TWO_VIEWS);
    }

    @Test
    void shouldRefuseAnUnknownMethodNamingTheImageMethods() {
        assertThatThrownBy(
                        () -> ImageTopologyTest.config(Map.of(StreamAppConfig.METHODS_CONFIG, "simclr,no_such_method")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(StreamAppConfig.METHODS_CONFIG)
                .hasMessageContaining("no_such_method")
                .hasMessageContaining(MethodCatalog.names(Modality.IMAGE).toString());
        StreamAppConfig config = ImageTopologyTest.config(Map.of());
        assertThatThrownBy(() -> ImageViewRecipes.forMethod("no_such_method", config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no_such_method")
                .hasMessageContaining(MethodCatalog.names(Modality.IMAGE).toString());
    }

    @Test
    void shouldRefuseAMethodListedTwice() {
        assertThatThrownBy(() -> ImageTopologyTest.config(Map.of(StreamAppConfig.METHODS_CONFIG, "byol,simclr,byol")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("byol")
                .hasMessageContaining("twice");
    }

    @Test
    void shouldRejectAnInvalidMultiCropRecipe() {
        assertThatThrownBy(() -> ImageTopologyTest.config(Map.of(
                        StreamAppConfig.DINO_LOCAL_SCALE_MIN_CONFIG,
                        "0.5",
                        StreamAppConfig.DINO_LOCAL_SCALE_MAX_CONFIG,
                        "0.4")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dino");
    }

    private TopologyTestDriver driver(StreamAppConfig config) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new TopologyTestDriver(
                ImageTopology.build(config, registry), StreamApp.streamsProperties(config, registry));
    }

    private TestInputTopic<String, byte[]> raw(TopologyTestDriver driver) {
        return driver.createInputTopic(topics.raw(Modality.IMAGE), new StringSerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<String, Example> examples(TopologyTestDriver driver, String method) {
        return driver.createOutputTopic(
                topics.examples(Modality.IMAGE, method), new StringDeserializer(), new ExampleSerde().deserializer());
    }
}
