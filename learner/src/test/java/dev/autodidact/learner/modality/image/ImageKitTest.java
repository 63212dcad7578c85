package dev.autodidact.learner.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.JigsawRecipe;
import dev.autodidact.media.image.views.MaskedPatchesRecipe;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.image.views.RecipeDraw;
import dev.autodidact.media.image.views.RotationRecipe;
import dev.autodidact.media.image.views.SimClrRecipe;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageKitTest {
    private final ImageKit kit = new ImageKit();

    /** An example as the stream-app writes it: the clean input, two views and the recipe's spec. */
    private static Example streamExample(ViewRecipe recipe, long seed) {
        byte[] px = new byte[32 * 32 * 3];
        new Random(3).nextBytes(px);
        List<RgbImage> views = recipe.views(new RgbImage(32, 32, px), new SplittableRandom(seed));
        Example.Builder b = Example.builder(Modality.IMAGE)
                .meta(Example.RECIPE, "two-views")
                .meta(Example.AUGMENT, recipe.spec())
                .put(ArrayNames.INPUT, Tensor.wrap(DType.U8, new int[] {32, 32, 3}, px));
        for (int i = 0; i < views.size(); i++) {
            b.put(
                    ArrayNames.view(i),
                    Tensor.wrap(DType.U8, new int[] {32, 32, 3}, views.get(i).pixels()));
        }
        return b.build();
    }

    @Test
    void shouldReplayAStoredInputAsNewViewsOfTheSameRecipe() {
        ViewRecipe recipe = new SimClrRecipe(SimClrAugmentation.defaultsFor(32), 2);
        Example first = streamExample(recipe, 11);

        Example replayed = kit.reaugment(first, 99);
        Example again = kit.reaugment(first, 99);
        Example other = kit.reaugment(first, 100);

        assertThat(replayed.viewCount()).isEqualTo(2);
        assertThat(replayed.array("view.0").shape()).containsExactly(32, 32, 3);
        assertThat(replayed.array("view.0")).as("a replay is a new view").isNotEqualTo(first.array("view.0"));
        assertThat(replayed.array("view.1")).isNotEqualTo(first.array("view.1"));
        assertThat(replayed.array("view.0")).as("seeded: reproducible").isEqualTo(again.array("view.0"));
        assertThat(other.array("view.0")).isNotEqualTo(replayed.array("view.0"));
        assertThat(replayed.array(ArrayNames.INPUT)).isEqualTo(first.array(ArrayNames.INPUT));
        assertThat(replayed.meta(Example.AUGMENT)).isEqualTo(first.meta(Example.AUGMENT));
        assertThat(kit.reaugment(first, 11).array("view.0"))
                .as("the stream-app's own seed gives its own views")
                .isEqualTo(first.array("view.0"));
    }

    @Test
    void shouldReplayAMaskedPatchesExampleWithAFreshMaskOfTheSameShape() {
        ViewRecipe recipe = new MaskedPatchesRecipe(ViewRecipes.pretextAugmentation(32, 0.2), 4, 0.75);
        Example first = pretextExample(recipe, 11);

        Example replayed = kit.reaugment(first, 99);

        assertThat(replayed.arrays().keySet()).containsExactly(ArrayNames.INPUT, "view.0", "mask", "mask.index");
        assertThat(replayed.array(ArrayNames.MASK).dtype()).isEqualTo(DType.U8);
        assertThat(replayed.array(ArrayNames.MASK).shape()).containsExactly(64);
        assertThat(replayed.array(ArrayNames.MASK_INDEX).dtype()).isEqualTo(DType.I32);
        assertThat(replayed.array(ArrayNames.MASK_INDEX).shape()).containsExactly(64);
        assertThat(replayed.array("view.0").shape()).containsExactly(32, 32, 3);
        assertThat(replayed.array(ArrayNames.MASK)).as("a new mask").isNotEqualTo(first.array(ArrayNames.MASK));
        assertThat(replayed.array(ArrayNames.MASK_INDEX)).isNotEqualTo(first.array(ArrayNames.MASK_INDEX));
        byte[] mask = replayed.array(ArrayNames.MASK).bytes();
        int masked = 0;
        for (byte m : mask) {
            masked += m;
        }
        assertThat(masked).isEqualTo(48);
        assertThat(replayed.meta(Example.RECIPE)).contains("masked-patches");
        assertThat(kit.reaugment(first, 11).arrays())
                .as("the stream-app's own seed gives its own example")
                .isEqualTo(first.arrays());
    }

    @Test
    void shouldReplayARotationExampleWithFreshTurnsAsItsTarget() {
        ViewRecipe recipe = new RotationRecipe(ViewRecipes.pretextAugmentation(32, 0.2));
        Example first = pretextExample(recipe, 11);

        Example replayed = kit.reaugment(first, 5);

        assertThat(replayed.viewCount()).isEqualTo(4);
        assertThat(replayed.array(ArrayNames.TARGET).dtype()).isEqualTo(DType.I32);
        assertThat(replayed.array(ArrayNames.TARGET).ints()).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(replayed).isEqualTo(kit.reaugment(first, 5));
    }

    @Test
    void shouldReplayAJigsawExampleAsFreshTilesAndAFreshPermutationIndex() {
        ViewRecipe recipe = new JigsawRecipe(ViewRecipes.pretextAugmentation(32, 0.2), 3, 100, 2, 16);
        Example first = pretextExample(recipe, 11);

        Example replayed = kit.reaugment(first, 5);

        assertThat(replayed.viewCount()).isEqualTo(9);
        assertThat(replayed.views()).allSatisfy(tile -> assertThat(tile.shape()).containsExactly(16, 16, 3));
        assertThat(replayed.array(ArrayNames.TARGET).dtype()).isEqualTo(DType.I32);
        assertThat(replayed.array(ArrayNames.TARGET).shape()).containsExactly(1);
        assertThat(replayed.array(ArrayNames.TARGET).ints()[0]).isBetween(0, 99);
        assertThat(replayed.array("view.0")).as("new tiles").isNotEqualTo(first.array("view.0"));
        assertThat(replayed).isEqualTo(kit.reaugment(first, 5));
        assertThat(kit.reaugment(first, 11).arrays())
                .as("the stream-app's own seed gives its own example")
                .isEqualTo(first.arrays());
    }

    /** A pretext example as the stream-app writes it: the input, the views, the recipe's arrays and its spec. */
    private static Example pretextExample(ViewRecipe recipe, long seed) {
        byte[] px = new byte[32 * 32 * 3];
        new Random(3).nextBytes(px);
        RecipeDraw draw = recipe.draw(new RgbImage(32, 32, px), new SplittableRandom(seed));
        Example.Builder b = Example.builder(Modality.IMAGE)
                .meta(Example.RECIPE, recipe.spec().split(";")[1])
                .meta(Example.AUGMENT, recipe.spec())
                .put(ArrayNames.INPUT, Tensor.wrap(DType.U8, new int[] {32, 32, 3}, px));
        for (int i = 0; i < draw.views().size(); i++) {
            RgbImage view = draw.views().get(i);
            b.put(ArrayNames.view(i), Tensor.wrap(DType.U8, new int[] {view.height(), view.width(), 3}, view.pixels()));
        }
        for (RecipeArray array : draw.arrays()) {
            b.put(
                    array.name(),
                    array.type() == RecipeArray.ElementType.U8
                            ? Tensor.u8(array.shape(), array.bytes())
                            : Tensor.i32(array.shape(), array.ints()));
        }
        return b.build();
    }

    @Test
    void shouldRefuseToReplayAnExampleWithoutItsRecipe() {
        Example bare = Example.builder(Modality.IMAGE)
                .put(ArrayNames.INPUT, Tensor.wrap(DType.U8, new int[] {8, 8, 3}, new byte[8 * 8 * 3]))
                .build();
        assertThatThrownBy(() -> kit.reaugment(bare, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("augment");
    }
}
