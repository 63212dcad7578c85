package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.ImageViews;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.serde.ImageViewsSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Every method's examples come from the same clean image: two views, or multi-crop with mixed resolutions. */
class MethodViewsTopologyTest {
    private static final List<String> TWO_VIEW = List.of("byol", "moco", "simsiam", "barlow_twins", "vicreg");
    private final Topics topics = new Topics(Topics.DEFAULT_PREFIX);

    @Test
    void shouldMakeDinoExamplesOfTwoGlobalAndSeveralLocalCrops() {
        StreamAppConfig config = ImageTopologyTest.config(Map.of(StreamAppConfig.METHODS_CONFIG, "dino,simclr"));
        try (TopologyTestDriver driver = driver(config)) {
            raw(driver).pipeInput("a", TestImages.png(64, 48));
            ImageViews dino = examples(driver, "dino").readValue();
            assertThat(dino.size()).isEqualTo(2 + StreamAppConfig.DINO_LOCAL_CROPS_DEFAULT);
            for (int v = 0; v < dino.size(); v++) {
                int side = v < 2 ? 32 : 16;
                assertThat(dino.view(v).width()).as("view %d", v).isEqualTo(side);
                assertThat(dino.view(v).height()).as("view %d", v).isEqualTo(side);
            }
            assertThat(dino.view(0).pixels()).isNotEqualTo(dino.view(1).pixels());
            assertThat(examples(driver, "simclr").readValue().size()).isEqualTo(2);
        }
    }

    @Test
    void shouldHonourTheMultiCropKnobs() {
        StreamAppConfig config = ImageTopologyTest.config(Map.of(StreamAppConfig.METHODS_CONFIG, "dino",
                StreamAppConfig.DINO_LOCAL_CROPS_CONFIG, "3", StreamAppConfig.DINO_LOCAL_SIZE_CONFIG, "12"));
        try (TopologyTestDriver driver = driver(config)) {
            raw(driver).pipeInput("a", TestImages.png(40, 40));
            List<CleanImage> views = examples(driver, "dino").readValue().views();
            assertThat(views).extracting(CleanImage::width).containsExactly(32, 32, 12, 12, 12);
        }
    }

    @Test
    void shouldMakeTwoViewsForTheTwoViewMethods() {
        StreamAppConfig config = ImageTopologyTest.config(Map.of(StreamAppConfig.METHODS_CONFIG,
                String.join(",", TWO_VIEW)));
        try (TopologyTestDriver driver = driver(config)) {
            raw(driver).pipeInput("a", TestImages.png(64, 48));
            for (String method : TWO_VIEW) {
                ImageViews example = examples(driver, method).readValue();
                assertThat(example.size()).as(method).isEqualTo(2);
                assertThat(example.views()).extracting(CleanImage::width).containsOnly(32);
            }
        }
    }

    @Test
    void shouldRejectAnInvalidMultiCropRecipe() {
        assertThatThrownBy(() -> ImageTopologyTest.config(Map.of(StreamAppConfig.DINO_LOCAL_SCALE_MIN_CONFIG, "0.5",
                StreamAppConfig.DINO_LOCAL_SCALE_MAX_CONFIG, "0.4")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dino");
    }

    private TopologyTestDriver driver(StreamAppConfig config) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new TopologyTestDriver(ImageTopology.build(config, registry),
                StreamApp.streamsProperties(config, registry));
    }

    private TestInputTopic<String, byte[]> raw(TopologyTestDriver driver) {
        return driver.createInputTopic(topics.raw(Modality.IMAGE), new StringSerializer(), new ByteArraySerializer());
    }

    private org.apache.kafka.streams.TestOutputTopic<String, ImageViews> examples(TopologyTestDriver driver,
                                                                                  String method) {
        return driver.createOutputTopic(topics.examples(Modality.IMAGE, method), new StringDeserializer(),
                new ImageViewsSerde().deserializer());
    }
}
