package dev.autodidact.media.image.views;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.image.augment.SimClrAugmentation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed specs, each rejected with an {@link IllegalArgumentException} that names the problem. */
class ViewRecipeSpecRejectionTest {
    private static final String TWO = new SimClrRecipe(SimClrAugmentation.defaultsFor(32), 2).spec();
    private static final String MULTI =
            new MultiCropRecipe(SimClrAugmentation.defaultsFor(32), SimClrAugmentation.defaultsFor(16), 6).spec();
    private static final SimClrAugmentation BASE = ViewRecipes.pretextAugmentation(32, 0.2);
    private static final String MAE = new MaskedPatchesRecipe(BASE, 4, 0.75).spec();
    private static final String JIGSAW = new JigsawRecipe(BASE, 3, 100, 2, 16).spec();
    private static final String INPAINTING = new InpaintingRecipe(BASE, 0.5).spec();
    private static final String DENOISING = new DenoisingRecipe(BASE, 0.1, 0.25).spec();
    private static final String ROTATION = new RotationRecipe(BASE).spec();

    static Stream<Arguments> malformedSpecs() {
        return Stream.of(
                Arguments.of("empty", "", "version ''"),
                Arguments.of("too long", TWO + ";" + "x".repeat(1024), "more than 1024"),
                Arguments.of("unknown version", TWO.replace("v1;", "v2;"), "version 'v2'"),
                Arguments.of("version only", "v1", "kind ''"),
                Arguments.of("unknown kind", TWO.replace("two-views", "three-views"), "kind 'three-views'"),
                Arguments.of("unknown key", TWO + ";colour=1", "Unknown key 'colour'"),
                Arguments.of("upper-case key", TWO.replace("flip=", "FLIP="), "Unknown key 'FLIP'"),
                Arguments.of("multi-crop key in two-views", TWO + ";local.crops=2", "Unknown key 'local.crops'"),
                Arguments.of("two-views key in multi-crop", MULTI + ";views=2", "Unknown key 'views'"),
                Arguments.of("unprefixed key in multi-crop", MULTI + ";size=32", "Unknown key 'size'"),
                Arguments.of("repeated key", TWO + ";flip=0.5", "'flip' appears twice"),
                Arguments.of("missing key", TWO.replace(";gray=0.2", ""), "lacks 'gray'"),
                Arguments.of("missing local key", MULTI.replace(";local.blur.p=0.0", ""), "lacks 'local.blur.p'"),
                Arguments.of("empty field", TWO.replace(";flip", ";;flip"), "'' is not key=value"),
                Arguments.of("trailing separator", TWO + ";", "'' is not key=value"),
                Arguments.of("field without value sign", TWO + ";flip", "'flip' is not key=value"),
                Arguments.of("empty key", TWO + ";=1", "'=1' is not key=value"),
                Arguments.of("word for a number", TWO.replace("flip=0.5", "flip=half"), "got 'half'"),
                Arguments.of("NaN", TWO.replace("flip=0.5", "flip=NaN"), "got 'NaN'"),
                Arguments.of("infinity", TWO.replace("flip=0.5", "flip=Infinity"), "got 'Infinity'"),
                Arguments.of("hex float", TWO.replace("flip=0.5", "flip=0x1p-1"), "got '0x1p-1'"),
                Arguments.of("padded number", TWO.replace("flip=0.5", "flip= 0.5"), "got ' 0.5'"),
                Arguments.of("overflowing number", TWO.replace("jitter=0.5", "jitter=1.0E999"), "out of range"),
                Arguments.of("one number for a pair", TWO.replace("scale=0.08,1.0", "scale=0.08"), "takes 2 numbers"),
                Arguments.of("pair for one number", TWO.replace("flip=0.5", "flip=0.5,0.5"), "takes 1 number"),
                Arguments.of("fraction for a size", TWO.replace("size=32", "size=32.0"), "whole number"),
                Arguments.of("zero size", TWO.replace("size=32", "size=0"), "'size' must be in [1, 1024], got 0"),
                Arguments.of("oversize crop", TWO.replace("size=32", "size=1025"), "got 1025"),
                Arguments.of("huge size", TWO.replace("size=32", "size=99999999999"), "whole number"),
                Arguments.of("negative size", TWO.replace("size=32", "size=-1"), "whole number"),
                Arguments.of(
                        "oversize local crop",
                        MULTI.replace("local.size=16", "local.size=4096"),
                        "'local.size' must be in [1, 1024]"),
                Arguments.of("no views", TWO.replace("views=2", "views=0"), "'views' must be in [1, 64]"),
                Arguments.of("too many views", TWO.replace("views=2", "views=65"), "got 65"),
                Arguments.of(
                        "too many local crops",
                        MULTI.replace("local.crops=6", "local.crops=63"),
                        "'local.crops' must be in [0, 62]"),
                Arguments.of("probability over 1", TWO.replace("flip=0.5", "flip=1.5"), "probability"),
                Arguments.of("negative probability", TWO.replace("gray=0.2", "gray=-0.2"), "probability"),
                Arguments.of("inverted scale", TWO.replace("scale=0.08,1.0", "scale=0.9,0.5"), "scaleMin"),
                Arguments.of(
                        "inverted local scale",
                        MULTI.replace("local.scale=0.08,1.0", "local.scale=0.9,0.5"),
                        "local.* augmentation"),
                Arguments.of("hue beyond half a turn", TWO.replace("jitter=0.5", "jitter=3.0"), "Hue"),
                Arguments.of("zero sigma", TWO.replace("blur.sigma=0.1,2.0", "blur.sigma=0.0,2.0"), "sigmaMin"),
                Arguments.of("unprefixed key in a pretext spec", ROTATION + ";size=32", "Unknown key 'size'"),
                Arguments.of("pretext key in two-views", TWO + ";mask.ratio=0.5", "Unknown key 'mask.ratio'"),
                Arguments.of("missing base key", MAE.replace(";base.flip=0.5", ""), "lacks 'base.flip'"),
                Arguments.of("missing patch size", MAE.replace("patch.size=4;", ""), "lacks 'patch.size'"),
                Arguments.of("patch not dividing", MAE.replace("patch.size=4", "patch.size=5"), "must divide"),
                Arguments.of("patch over the size", MAE.replace("patch.size=4", "patch.size=64"), "patch size"),
                Arguments.of("zero patch", MAE.replace("patch.size=4", "patch.size=0"), "'patch.size' must be in"),
                Arguments.of("mask everything", MAE.replace("mask.ratio=0.75", "mask.ratio=1.0"), "[0, 1)"),
                Arguments.of("negative mask", MAE.replace("mask.ratio=0.75", "mask.ratio=-0.1"), "[0, 1)"),
                Arguments.of("one-tile grid", JIGSAW.replace("grid=3", "grid=1"), "'grid' must be in [2, 8]"),
                Arguments.of("huge grid", JIGSAW.replace("grid=3", "grid=9"), "'grid' must be in [2, 8]"),
                Arguments.of(
                        "more permutations than a 2x2 grid has",
                        JIGSAW.replace("grid=3", "grid=2").replace("permutations=100", "permutations=25"),
                        "[1, 24]"),
                Arguments.of("too many permutations", JIGSAW.replace("permutations=100", "permutations=1001"), "1000"),
                Arguments.of("no permutations", JIGSAW.replace("permutations=100", "permutations=0"), "permutations"),
                Arguments.of("gap eating the tile", JIGSAW.replace("gap=2", "gap=10"), "gap of 0 to 9"),
                Arguments.of("missing tile size", JIGSAW.replace("tile.size=16;", ""), "lacks 'tile.size'"),
                Arguments.of(
                        "tiny tiles",
                        JIGSAW.replace("tile.size=16", "tile.size=7"),
                        "'tile.size' must be in [8, 1024]"),
                Arguments.of("huge tiles", JIGSAW.replace("tile.size=16", "tile.size=1025"), "got 1025"),
                Arguments.of("tiles over the view", JIGSAW.replace("tile.size=16", "tile.size=33"), "size of 8 to 32"),
                Arguments.of("mosaic fill key", JIGSAW + ";fill=128", "Unknown key 'fill'"),
                Arguments.of("no region", INPAINTING.replace("region=0.5", "region=0.0"), "(0, 1)"),
                Arguments.of("whole region", INPAINTING.replace("region=0.5", "region=1.0"), "(0, 1)"),
                Arguments.of("negative noise", DENOISING.replace("noise.std=0.1", "noise.std=-0.1"), "at least 0"),
                Arguments.of("infinite noise", DENOISING.replace("noise.std=0.1", "noise.std=1.0E400"), "out of range"),
                Arguments.of("drop over 1", DENOISING.replace("drop=0.25", "drop=1.5"), "[0.0, 1.0]"),
                Arguments.of(
                        "invalid base", MAE.replace("base.scale=0.2,1.0", "base.scale=0.9,0.5"), "base.* augmentation"),
                Arguments.of("oversize base", ROTATION.replace("base.size=32", "base.size=2048"), "'base.size'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSpecs")
    void shouldRejectAMalformedSpecNamingTheProblem(String what, String spec, String message) {
        assertThatThrownBy(() -> ViewRecipes.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
