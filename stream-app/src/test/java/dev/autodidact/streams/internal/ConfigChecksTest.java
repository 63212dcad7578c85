package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.serde.ExampleSerde;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
