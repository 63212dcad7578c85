package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.views.RecipeDraw;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.media.testing.TestImages;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.serde.ExampleSerde;
import dev.autodidact.streams.StreamAppConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    @Test
    void shouldBoundTheEncodedSizeOfAnExampleFromAbove() {
        List<List<Integer>> cases =
                List.of(List.of(32), List.of(1500), Collections.nCopies(65, 100), multiCrop(224, 96, 62));
        for (List<Integer> sides : cases) {
            int encoded = ExampleSerde.write(largestExample(sides)).length;

            assertThat(ConfigChecks.exampleBytes(sides))
                    .as("%d images", sides.size())
                    .isGreaterThanOrEqualTo(encoded)
                    .isLessThan(encoded + ConfigChecks.HEADER_BYTES_BASE + 128L * sides.size());
        }
    }

    @Test
    void shouldBoundTheEncodedSizeOfAnExampleWithMasksAndTargets() {
        StreamAppConfig config = new StreamAppConfig(Map.of("bootstrap.servers", "localhost:9092", "image.size", "64"));
        for (ExampleRecipe kind : List.of(
                ExampleRecipe.MASKED_PATCHES,
                ExampleRecipe.ROTATION,
                ExampleRecipe.JIGSAW,
                ExampleRecipe.INPAINTING,
                ExampleRecipe.COLORIZATION,
                ExampleRecipe.DENOISING)) {
            ViewRecipe recipe = PretextKeys.recipe(kind, config, 64);
            RecipeDraw draw = recipe.draw(TestImages.noise(64, 64, 1), new SplittableRandom(1));
            Example.Builder example = Example.builder(Modality.IMAGE)
                    .meta(ImageExamplesProcessor.RECIPE, kind.id())
                    .meta(ImageExamplesProcessor.AUGMENT, "x".repeat(ViewRecipes.MAX_SPEC_LENGTH))
                    .put(ArrayNames.INPUT, ImageArrays.of(new CleanImage(64, 64, new byte[3 * 64 * 64])));
            for (int i = 0; i < draw.views().size(); i++) {
                example.put(
                        ArrayNames.view(i),
                        ImageArrays.of(ImageConversion.toClean(draw.views().get(i))));
            }
            draw.arrays().forEach(a -> example.put(a.name(), RecipeTensors.of(a)));
            int encoded = ExampleSerde.write(example.build()).length;
            List<Integer> sides = ImageExamplesProcessor.imageSides(64, recipe);
            List<Long> arrays = ImageExamplesProcessor.arrayBytes(recipe);

            assertThat(ConfigChecks.exampleBytes(sides, arrays))
                    .as(kind.id())
                    .isGreaterThanOrEqualTo(encoded)
                    .isGreaterThan(ConfigChecks.exampleBytes(sides))
                    .isLessThan(encoded + ConfigChecks.HEADER_BYTES_BASE + 128L * (sides.size() + arrays.size()));
        }
    }

    @Test
    void shouldCountTheTargetsAgainstTheRecordSize() {
        // Five 1024-pixel images fit in a record; four and a colorization target of [1024, 1024, 2] floats do not.
        List<Integer> sides = List.of(1024, 1024, 1024, 1024);
        ConfigChecks.checkExampleFits("Four images", sides);
        assertThatThrownBy(() -> ConfigChecks.checkExampleFits("An example for colorization", sides, List.of(8L << 20)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for colorization")
                .hasMessageContaining("arrays of [8388608] bytes");
    }

    /** The input and views of the given sides, with the longest metadata an image example carries. */
    private static Example largestExample(List<Integer> sides) {
        Example.Builder example = Example.builder(Modality.IMAGE)
                .meta(ImageExamplesProcessor.RECIPE, ExampleRecipe.MULTI_CROP.id())
                .meta(ImageExamplesProcessor.AUGMENT, "x".repeat(ViewRecipes.MAX_SPEC_LENGTH));
        for (int i = 0; i < sides.size(); i++) {
            int s = sides.get(i);
            String name = i == 0 ? ArrayNames.INPUT : ArrayNames.view(i - 1);
            example.put(name, ImageArrays.of(new CleanImage(s, s, new byte[3 * s * s])));
        }
        return example.build();
    }

    private static List<Integer> multiCrop(int global, int local, int crops) {
        List<Integer> sides = new ArrayList<>(Collections.nCopies(3, global));
        sides.addAll(Collections.nCopies(crops, local));
        return sides;
    }
}
