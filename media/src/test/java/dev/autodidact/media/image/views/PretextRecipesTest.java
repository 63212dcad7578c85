package dev.autodidact.media.image.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.RecipeArray.ElementType;
import dev.autodidact.media.image.views.RecipeArray.Layout;
import dev.autodidact.media.testing.TestImages;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every pretext recipe shares: the contract's arrays, the spec round trip and seeded reproducibility. */
class PretextRecipesTest {
    static final SimClrAugmentation BASE = ViewRecipes.pretextAugmentation(32, 0.2);

    private final RgbImage photo = TestImages.noise(48, 40, 3);

    /** Each recipe at the stream-app's defaults, with its views' count and side and the contract's other arrays. */
    static Stream<Arguments> recipes() {
        return Stream.of(
                Arguments.of(
                        new MaskedPatchesRecipe(BASE, 4, 0.75),
                        1,
                        32,
                        List.of(
                                new Layout("mask", ElementType.U8, List.of(64)),
                                new Layout("mask.index", ElementType.I32, List.of(64)))),
                Arguments.of(
                        new RotationRecipe(BASE), 4, 32, List.of(new Layout("target", ElementType.I32, List.of(4)))),
                Arguments.of(
                        new JigsawRecipe(BASE, 3, 100, 2, 16),
                        9,
                        16,
                        List.of(new Layout("target", ElementType.I32, List.of(1)))),
                Arguments.of(
                        new InpaintingRecipe(BASE, 0.5),
                        1,
                        32,
                        List.of(
                                new Layout("mask", ElementType.U8, List.of(32, 32)),
                                new Layout("target", ElementType.U8, List.of(32, 32, 3)))),
                Arguments.of(
                        new ColorizationRecipe(BASE),
                        1,
                        32,
                        List.of(new Layout("target", ElementType.F32, List.of(32, 32, 2)))),
                Arguments.of(
                        new DenoisingRecipe(BASE, 0.1, 0.25),
                        1,
                        32,
                        List.of(new Layout("target", ElementType.U8, List.of(32, 32, 3)))));
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void shouldDrawTheContractsViewsAndArrays(ViewRecipe recipe, int views, int side, List<Layout> arrays) {
        RecipeDraw draw = recipe.draw(photo, new SplittableRandom(5));

        assertThat(draw.views()).hasSize(views).allSatisfy(view -> {
            assertThat(view.width()).isEqualTo(side);
            assertThat(view.height()).isEqualTo(side);
        });
        assertThat(recipe.viewSides()).hasSize(views).containsOnly(side);
        assertThat(draw.arrays()).extracting(RecipeArray::layout).containsExactlyElementsOf(arrays);
        assertThat(recipe.arrayLayouts()).containsExactlyElementsOf(arrays);
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void shouldDrawByteIdenticalViewsAndArraysFromTheSameSeed(
            ViewRecipe recipe, int views, int side, List<Layout> arrays) {
        ViewRecipe parsed = ViewRecipes.parse(recipe.spec());
        RecipeDraw first = recipe.draw(photo, new SplittableRandom(5));
        RecipeDraw again = parsed.draw(photo, new SplittableRandom(5));
        RecipeDraw other = recipe.draw(photo, new SplittableRandom(6));

        assertThat(again).isEqualTo(first);
        assertThat(parsed.views(photo, new SplittableRandom(5))).isEqualTo(first.views());
        assertThat(other.views()).isNotEqualTo(first.views());
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void shouldReadItsOwnSpecBack(ViewRecipe recipe, int views, int side, List<Layout> arrays) {
        String spec = recipe.spec();

        assertThat(spec).startsWith("v1;").hasSizeLessThanOrEqualTo(ViewRecipes.MAX_SPEC_LENGTH);
        assertThat(spec.split(";")[1]).isEqualTo(kind(recipe));
        assertThat(ViewRecipes.parse(spec)).isEqualTo(recipe);
        assertThat(ViewRecipes.parse(spec).spec()).isEqualTo(spec);
    }

    @Test
    void shouldWriteTheMaskedPatchesSpecAsDocumented() {
        assertThat(new MaskedPatchesRecipe(BASE, 4, 0.75).spec())
                .isEqualTo("v1;masked-patches;patch.size=4;mask.ratio=0.75;base.size=32;base.scale=0.2,1.0;"
                        + "base.ratio=0.75,1.3333333333333333;base.flip=0.5;base.jitter=0.0;base.jitter.p=0.0;"
                        + "base.gray=0.0;base.blur.p=0.0;base.blur.sigma=0.1,2.0;base.blur.kernel=0.1");
        assertThat(new JigsawRecipe(BASE, 4, 24, 1, 12).spec())
                .startsWith("v1;jigsaw;grid=4;permutations=24;gap=1;tile.size=12;base.size=32;");
        assertThat(new InpaintingRecipe(BASE, 0.3).spec()).startsWith("v1;inpainting;region=0.3;base.size=32;");
        assertThat(new DenoisingRecipe(BASE, 0.05, 0.5).spec()).startsWith("v1;denoising;noise.std=0.05;drop=0.5;");
        assertThat(new RotationRecipe(BASE).spec()).startsWith("v1;rotation;base.size=32;");
        assertThat(new ColorizationRecipe(BASE).spec()).startsWith("v1;colorization;base.size=32;");
    }

    @Test
    void shouldRoundTripUnusualKnobsAndAnyBaseAugmentation() {
        SimClrAugmentation base = ViewRecipesTest.unusualTwoViews().augmentation();
        List<ViewRecipe> recipes = List.of(
                new MaskedPatchesRecipe(base, 3, 0.6180339887498949),
                new JigsawRecipe(base, 2, 17, 0, 9),
                new InpaintingRecipe(base, 1.0 / 3),
                new DenoisingRecipe(base, 0.0, 1.0),
                new DenoisingRecipe(base, 12.5, 0.0),
                new RotationRecipe(base),
                new ColorizationRecipe(base));
        for (ViewRecipe recipe : recipes) {
            assertThat(ViewRecipes.parse(recipe.spec())).as(recipe.spec()).isEqualTo(recipe);
        }
    }

    @Test
    void shouldKeepTheDrawingsViewsForTheViewOnlyRecipes() {
        SimClrRecipe twoViews = new SimClrRecipe(BASE, 2);

        RecipeDraw draw = twoViews.draw(photo, new SplittableRandom(9));

        assertThat(draw.arrays()).isEmpty();
        assertThat(twoViews.arrayLayouts()).isEmpty();
        assertThat(draw.views()).isEqualTo(twoViews.views(photo, new SplittableRandom(9)));
    }

    private static String kind(ViewRecipe recipe) {
        return Map.<Class<?>, String>of(
                        MaskedPatchesRecipe.class, "masked-patches",
                        RotationRecipe.class, "rotation",
                        JigsawRecipe.class, "jigsaw",
                        InpaintingRecipe.class, "inpainting",
                        ColorizationRecipe.class, "colorization",
                        DenoisingRecipe.class, "denoising")
                .get(recipe.getClass());
    }
}
