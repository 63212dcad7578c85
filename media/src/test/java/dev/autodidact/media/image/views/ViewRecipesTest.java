package dev.autodidact.media.image.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.testing.TestImages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ViewRecipesTest {
    private static final String DEFAULT_TWO_VIEWS = "v1;two-views;views=2;size=32;scale=0.08,1.0;"
            + "ratio=0.75,1.3333333333333333;flip=0.5;jitter=0.5;jitter.p=0.8;gray=0.2;blur.p=0.0;blur.sigma=0.1,2.0;"
            + "blur.kernel=0.1";

    private final RgbImage photo = TestImages.noise(48, 40, 3);

    /** Every knob off its default, blur on, odd doubles that need all their digits. */
    static SimClrRecipe unusualTwoViews() {
        SimClrAugmentation augmentation = SimClrAugmentation.defaultsFor(24).toBuilder()
                .optScaleMin(0.15)
                .optScaleMax(0.9)
                .optRatioMin(0.7)
                .optRatioMax(1.0 / 0.7)
                .optFlipP(0.3)
                .optJitterStrength(0.9)
                .optJitterP(0.6)
                .optGrayscaleP(0.35)
                .optBlurP(0.7)
                .optBlurSigmaMin(0.2)
                .optBlurSigmaMax(1.7)
                .optBlurKernelFraction(0.23)
                .build();
        return new SimClrRecipe(augmentation, 3);
    }

    static MultiCropRecipe unusualMultiCrop() {
        SimClrAugmentation global = unusualTwoViews().augmentation().toBuilder()
                .setCropSize(28)
                .optScaleMin(0.35)
                .optScaleMax(1.0)
                .build();
        SimClrAugmentation local = global.toBuilder()
                .setCropSize(12)
                .optScaleMin(0.06)
                .optScaleMax(1.0 / 3)
                .optBlurP(0.1)
                .optJitterStrength(0.4)
                .optFlipP(0.0)
                .build();
        return new MultiCropRecipe(global, local, 5);
    }

    @Test
    void shouldWriteTheDefaultTwoViewRecipeAsDocumented() {
        SimClrRecipe recipe = new SimClrRecipe(SimClrAugmentation.defaultsFor(32), 2);

        assertThat(recipe.spec()).isEqualTo(DEFAULT_TWO_VIEWS);
        assertThat(ViewRecipes.parse(DEFAULT_TWO_VIEWS)).isEqualTo(recipe);
    }

    @Test
    void shouldRebuildATwoViewRecipeThatDrawsByteIdenticalViews() {
        SimClrRecipe recipe = unusualTwoViews();

        ViewRecipe parsed = ViewRecipes.parse(recipe.spec());

        assertThat(parsed).isEqualTo(recipe);
        assertThat(parsed.spec()).isEqualTo(recipe.spec());
        List<RgbImage> views = parsed.views(photo, new SplittableRandom(11));
        assertThat(views).hasSize(3).containsExactlyElementsOf(recipe.views(photo, new SplittableRandom(11)));
        assertThat(views.get(0)).isNotEqualTo(views.get(1));
        assertThat(parsed.views(photo, new SplittableRandom(12))).isNotEqualTo(views);
    }

    @Test
    void shouldRebuildAMultiCropRecipeThatDrawsByteIdenticalViews() {
        MultiCropRecipe recipe = unusualMultiCrop();

        ViewRecipe parsed = ViewRecipes.parse(recipe.spec());

        assertThat(parsed).isEqualTo(recipe);
        assertThat(recipe.spec())
                .startsWith("v1;multi-crop;local.crops=5;global.size=28;")
                .contains(";local.size=12;local.scale=0.06,0.3333333333333333;");
        List<RgbImage> views = parsed.views(photo, new SplittableRandom(5));
        assertThat(views).containsExactlyElementsOf(recipe.views(photo, new SplittableRandom(5)));
        assertThat(views).extracting(RgbImage::width).containsExactly(28, 28, 12, 12, 12, 12, 12);
        assertThat(parsed.viewSides()).containsExactly(28, 28, 12, 12, 12, 12, 12);
    }

    @Test
    void shouldReadFieldsInAnyOrder() {
        List<String> fields =
                new ArrayList<>(List.of(unusualMultiCrop().spec().split(";")).subList(2, 23));
        Collections.reverse(fields);

        assertThat(ViewRecipes.parse("v1;multi-crop;" + String.join(";", fields)))
                .isEqualTo(unusualMultiCrop());
    }

    @Test
    void shouldKeepTheLongestSpecWithinTheMetadataLimit() {
        // Doubles that Java writes with the most characters, at the largest counts and sizes.
        SimClrAugmentation longest = new SimClrAugmentation(
                1024,
                1.2345678901234567E-100,
                0.12345678901234568,
                1.2345678901234567E-100,
                1.2345678901234567E100,
                0.0012345678901234567,
                1.2345678901234567E-100,
                0.0012345678901234567,
                0.0012345678901234567,
                0.0012345678901234567,
                1.2345678901234567E-100,
                1.2345678901234567E100,
                0.0012345678901234567);
        MultiCropRecipe recipe = new MultiCropRecipe(longest, longest, ViewRecipes.MAX_LOCAL_CROPS);

        assertThat(recipe.spec()).hasSizeLessThanOrEqualTo(ViewRecipes.MAX_SPEC_LENGTH);
        assertThat(ViewRecipes.parse(recipe.spec())).isEqualTo(recipe);
        assertThat(ViewRecipes.parse(new SimClrRecipe(longest, ViewRecipes.MAX_VIEWS).spec())
                        .viewSides())
                .hasSize(ViewRecipes.MAX_VIEWS);
    }

    @Test
    void shouldRoundTripNegativeZero() {
        SimClrRecipe recipe = new SimClrRecipe(
                SimClrAugmentation.defaultsFor(8).toBuilder().optFlipP(-0.0).build(), 1);

        assertThat(recipe.spec()).contains(";flip=-0.0;");
        assertThat(ViewRecipes.parse(recipe.spec())).isEqualTo(recipe);
    }

    @Test
    void shouldRefuseRecipesASpecCannotCarry() {
        SimClrAugmentation base = SimClrAugmentation.defaultsFor(32);
        assertThatThrownBy(() ->
                        new SimClrRecipe(base.toBuilder().setCropSize(1025).build(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1025");
        assertThatThrownBy(() -> new SimClrRecipe(
                        base.toBuilder().optRatioMax(Double.POSITIVE_INFINITY).build(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> new SimClrRecipe(base, 65))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65");
        assertThatThrownBy(() -> new SimClrRecipe(base, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultiCropRecipe(base, base, 63))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("63");
        assertThatThrownBy(() -> new MultiCropRecipe(base, null, 2)).isInstanceOf(NullPointerException.class);
    }
}
