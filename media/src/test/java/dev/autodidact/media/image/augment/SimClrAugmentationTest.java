package dev.autodidact.media.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimClrAugmentationTest {
    private final RgbImage photo = TestImages.gradient(48, 40);

    @Test
    void shouldUseImageNetRecipeFrom96Pixels() {
        SimClrAugmentation recipe = SimClrAugmentation.defaultsFor(224);

        assertThat(recipe.jitterStrength()).isEqualTo(1.0);
        assertThat(recipe.blurP()).isEqualTo(0.5);
        assertThat(recipe.scaleMin()).isEqualTo(0.08);
        assertThat(recipe.ratioMax()).isEqualTo(4.0 / 3);
        assertThat(recipe.jitterP()).isEqualTo(0.8);
        assertThat(recipe.grayscaleP()).isEqualTo(0.2);
        assertThat(((Compose) recipe.pipeline()).transforms()).hasSize(5).last().isInstanceOf(GaussianBlur.class);
    }

    @Test
    void shouldUseCifarRecipeBelow96Pixels() {
        SimClrAugmentation recipe = SimClrAugmentation.defaultsFor(32);

        assertThat(recipe.jitterStrength()).isEqualTo(0.5);
        assertThat(recipe.blurP()).isZero();
        assertThat(((Compose) recipe.pipeline()).transforms()).hasSize(4).noneMatch(t -> t instanceof GaussianBlur);
    }

    @Test
    void shouldDrawViewsOfCropSize() {
        RgbImage[] views = SimClrAugmentation.defaultsFor(24).views(photo, 3, new SplittableRandom(1));

        assertThat(views).hasSize(3).allSatisfy(v -> {
            assertThat(v.width()).isEqualTo(24);
            assertThat(v.height()).isEqualTo(24);
        });
        assertThat(views[0]).isNotEqualTo(views[1]);
    }

    @Test
    void shouldRepeatViewsForSameSeedAndVaryAcrossSeeds() {
        SimClrAugmentation recipe = SimClrAugmentation.defaultsFor(96);

        RgbImage[] first = recipe.views(photo, 2, new SplittableRandom(42));
        RgbImage[] again = recipe.views(photo, 2, new SplittableRandom(42));
        RgbImage[] other = recipe.views(photo, 2, new SplittableRandom(43));

        assertThat(again).containsExactly(first);
        assertThat(other[0]).isNotEqualTo(first[0]);
        assertThat(other[1]).isNotEqualTo(first[1]);
    }

    @Test
    void shouldOverrideKnobsThroughBuilder() {
        SimClrAugmentation recipe = SimClrAugmentation.defaultsFor(32).toBuilder()
                .setCropSize(16)
                .optBlurP(1.0)
                .optGrayscaleP(0)
                .build();

        assertThat(recipe.cropSize()).isEqualTo(16);
        assertThat(recipe.blurP()).isEqualTo(1.0);
        assertThat(recipe.jitterStrength()).isEqualTo(0.5);
        assertThat(SimClrAugmentationBuilder.forSize(224).build()).isEqualTo(SimClrAugmentation.defaultsFor(224));
    }

    @Test
    void shouldBeIdentityAtFullCropWithEveryProbabilityZero() {
        RgbImage square = TestImages.noise(32, 32, 2);
        SimClrAugmentation none = SimClrAugmentationBuilder.forSize(32)
                .optScaleMin(1)
                .optRatioMin(1)
                .optRatioMax(1)
                .optFlipP(0)
                .optJitterP(0)
                .optGrayscaleP(0)
                .optBlurP(0)
                .build();

        assertThat(none.views(square, 2, new SplittableRandom(3))).containsOnly(square);
    }

    @Test
    void shouldRejectInvalidKnobs() {
        assertThatThrownBy(
                        () -> SimClrAugmentationBuilder.forSize(32).optFlipP(2).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimClrAugmentationBuilder.forSize(32)
                        .optJitterStrength(3)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        SimClrAugmentationBuilder.forSize(32).optBlurSigmaMin(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
