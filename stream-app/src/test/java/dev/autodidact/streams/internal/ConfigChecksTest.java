package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.schema.CleanImage;
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
        List<List<Integer>> cases = List.of(List.of(32), List.of(1500), Collections.nCopies(64, 100),
                multiCrop(224, 96, 62));
        for (List<Integer> sides : cases) {
            List<CleanImage> views = sides.stream().map(s -> new CleanImage(s, s, new byte[3 * s * s])).toList();
            int encoded = ExampleSerde.write(ImageArrays.views(views,
                    ExampleRecipe.MULTI_CROP.id())).length;

            assertThat(ConfigChecks.exampleBytes(sides)).as("%d views", sides.size())
                    .isGreaterThanOrEqualTo(encoded).isLessThan(encoded + 512 + 128L * sides.size());
        }
    }

    private static List<Integer> multiCrop(int global, int local, int crops) {
        List<Integer> sides = new ArrayList<>(Collections.nCopies(2, global));
        sides.addAll(Collections.nCopies(crops, local));
        return sides;
    }
}
