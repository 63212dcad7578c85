package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.views.ColorizationRecipe;
import dev.autodidact.media.image.views.DenoisingRecipe;
import dev.autodidact.media.image.views.InpaintingRecipe;
import dev.autodidact.media.image.views.JigsawRecipe;
import dev.autodidact.media.image.views.MaskedPatchesRecipe;
import dev.autodidact.media.image.views.RotationRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.method.MethodEntry;
import dev.autodidact.streams.internal.ImageViewRecipes;
import dev.autodidact.streams.internal.PretextKeys;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pretext recipes' settings: their defaults, their single-key validators and the checks across keys. */
class PretextConfigTest {
    private static final MethodEntry MAE = entry("mae", ExampleRecipe.MASKED_PATCHES);
    private static final MethodEntry JIGSAW = entry("jigsaw", ExampleRecipe.JIGSAW);

    @Test
    void shouldMakeTheContractsDefaultRecipes() {
        StreamAppConfig config = ImageTopologyTest.config(Map.of());
        var base = ViewRecipes.pretextAugmentation(32, 0.2);

        assertThat(ImageViewRecipes.forEntry(MAE, config)).isEqualTo(new MaskedPatchesRecipe(base, 4, 0.75));
        assertThat(ImageViewRecipes.forEntry(entry("rotnet", ExampleRecipe.ROTATION), config))
                .isEqualTo(new RotationRecipe(base));
        assertThat(ImageViewRecipes.forEntry(JIGSAW, config)).isEqualTo(new JigsawRecipe(base, 3, 100, 2, 16));
        assertThat(ImageViewRecipes.forEntry(entry("inpainting", ExampleRecipe.INPAINTING), config))
                .isEqualTo(new InpaintingRecipe(base, 0.5));
        assertThat(ImageViewRecipes.forEntry(entry("colorization", ExampleRecipe.COLORIZATION), config))
                .isEqualTo(new ColorizationRecipe(base));
        assertThat(ImageViewRecipes.forEntry(entry("denoising_ae", ExampleRecipe.DENOISING), config))
                .isEqualTo(new DenoisingRecipe(base, 0.1, 0.25));
        assertThat(base.jitterStrength() + base.jitterP() + base.grayscaleP() + base.blurP())
                .isZero();
        assertThat(base.flipP()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @CsvSource({
        "pretext.crop.scale.min, 0.0",
        "pretext.crop.scale.min, 1.5",
        "mae.patch.size, 0",
        "mae.patch.size, 2048",
        "mae.mask.ratio, 1.0",
        "mae.mask.ratio, -0.25",
        "mae.mask.ratio, NaN",
        "jigsaw.grid, 1",
        "jigsaw.grid, 9",
        "jigsaw.permutations, 0",
        "jigsaw.permutations, 1001",
        "jigsaw.gap, -1",
        "jigsaw.tile.size, 7",
        "jigsaw.tile.size, 1025",
        "inpainting.region, 0.0",
        "inpainting.region, 1.0",
        "denoising.noise.std, -0.1",
        "denoising.noise.std, Infinity",
        "denoising.drop, 1.01",
        "denoising.drop, NaN"
    })
    void shouldRejectAKnobOutOfRangeWhateverTheMethods(String key, String value) {
        assertThatThrownBy(() -> ImageTopologyTest.config(Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void shouldRejectKnobsThatDoNotFitTheImageSizeWhenTheRecipeIsBuilt() {
        StreamAppConfig oddPatch = ImageTopologyTest.config(Map.of("mae.patch.size", "5"));
        assertThatThrownBy(() -> ImageViewRecipes.forEntry(MAE, oddPatch))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mae.*")
                .hasMessageContaining("must divide the crop size 32");

        StreamAppConfig smallGrid = ImageTopologyTest.config(Map.of("jigsaw.grid", "2"));
        assertThatThrownBy(() -> ImageViewRecipes.forEntry(JIGSAW, smallGrid))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("jigsaw.*")
                .hasMessageContaining("[1, 24]");

        StreamAppConfig wideGap = ImageTopologyTest.config(Map.of("jigsaw.gap", "10"));
        assertThatThrownBy(() -> ImageViewRecipes.forEntry(JIGSAW, wideGap))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gap of 0 to 9");

        StreamAppConfig bigTiles = ImageTopologyTest.config(Map.of("jigsaw.tile.size", "48"));
        assertThatThrownBy(() -> ImageViewRecipes.forEntry(JIGSAW, bigTiles))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("jigsaw.*")
                .hasMessageContaining("size of 8 to 32");
    }

    @Test
    void shouldRejectAMisspelledPretextSetting() {
        assertThatThrownBy(() -> ImageTopologyTest.config(Map.of("pretext.crop.scale.mni", "0.3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pretext.crop.scale.mni");
    }

    @Test
    void shouldDocumentEveryKnobWithItsDefault() {
        Map<String, ConfigDef.ConfigKey> keys = StreamAppConfig.configDef().configKeys();
        Map<String, Object> defaults = Map.of(
                PretextKeys.MAE_PATCH_SIZE_CONFIG,
                4,
                PretextKeys.MAE_MASK_RATIO_CONFIG,
                0.75,
                PretextKeys.JIGSAW_GRID_CONFIG,
                3,
                PretextKeys.JIGSAW_PERMUTATIONS_CONFIG,
                100,
                PretextKeys.JIGSAW_GAP_CONFIG,
                2,
                PretextKeys.JIGSAW_TILE_SIZE_CONFIG,
                16,
                PretextKeys.INPAINTING_REGION_CONFIG,
                0.5,
                PretextKeys.DENOISING_NOISE_STD_CONFIG,
                0.1,
                PretextKeys.DENOISING_DROP_CONFIG,
                0.25,
                PretextKeys.CROP_SCALE_MIN_CONFIG,
                0.2);
        defaults.forEach((key, value) -> {
            assertThat(keys).containsKey(key);
            assertThat(keys.get(key).defaultValue).as(key).isEqualTo(value);
            assertThat(keys.get(key).documentation).as(key).isNotBlank();
            assertThat(keys.get(key).group).as(key).isEqualTo("Pretext examples");
        });
    }

    private static MethodEntry entry(String name, ExampleRecipe recipe) {
        return new MethodEntry(name, Set.of(Modality.IMAGE), recipe, "a hand-made entry for " + recipe.id());
    }
}
