package dev.autodidact.streams.internal;

import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.pretext.JigsawPermutations;
import dev.autodidact.media.image.views.ColorizationRecipe;
import dev.autodidact.media.image.views.DenoisingRecipe;
import dev.autodidact.media.image.views.InpaintingRecipe;
import dev.autodidact.media.image.views.JigsawRecipe;
import dev.autodidact.media.image.views.MaskedPatchesRecipe;
import dev.autodidact.media.image.views.RotationRecipe;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.schema.method.ExampleRecipe;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The knobs of the pretext-task recipes, each under the prefix of the method that uses it ({@code mae.},
 * {@code jigsaw.}, {@code inpainting.}, {@code denoising.}) so that one key can be set on both services, and the base
 * crop they share under {@code pretext.}. Every single value is checked by its validator; what depends on two keys
 * (the patch size divides {@code image.size}, the jigsaw gap leaves a tile and the tile views are at most
 * {@code image.size}, the number of permutations a grid has) is checked when the recipe of a configured method is
 * built, with a {@link ConfigException} naming the keys.
 */
public final class PretextKeys {
    /** Prefix of the settings every pretext recipe shares; the stream-app alone reads it. */
    public static final String PREFIX = "pretext.";

    public static final String CROP_SCALE_MIN_CONFIG = "pretext.crop.scale.min";
    public static final double CROP_SCALE_MIN_DEFAULT = 0.2;
    private static final String CROP_SCALE_MIN_DOC = "Smallest area fraction of the random resized crop every pretext"
            + " recipe (masked patches, rotation, jigsaw, inpainting, colorization, denoising) applies before its task;"
            + " the crop's ratio is 3/4 to 4/3, a flip has probability 0.5, and there is no colour jitter, grayscale or"
            + " blur.";

    public static final String MAE_PATCH_SIZE_CONFIG = "mae.patch.size";
    public static final int MAE_PATCH_SIZE_DEFAULT = 4;
    private static final String MAE_PATCH_SIZE_DOC = "Side in pixels of a masked-patches example's square patches; must"
            + " divide image.size (4 gives 64 patches at 32 pixels). Must match the learner's.";

    public static final String MAE_MASK_RATIO_CONFIG = "mae.mask.ratio";
    public static final double MAE_MASK_RATIO_DEFAULT = 0.75;
    private static final String MAE_MASK_RATIO_DOC = "Fraction of the patches masked, in [0, 1): floor(P (1 - ratio))"
            + " patches stay visible, at least one (MAE's 0.75 keeps 16 of 64).";

    public static final String JIGSAW_GRID_CONFIG = "jigsaw.grid";
    public static final int JIGSAW_GRID_DEFAULT = 3;
    private static final String JIGSAW_GRID_DOC =
            "Tiles per side of a jigsaw puzzle, 2 to 8. Must match the" + " learner's.";

    public static final String JIGSAW_PERMUTATIONS_CONFIG = "jigsaw.permutations";
    public static final int JIGSAW_PERMUTATIONS_DEFAULT = 100;
    private static final String JIGSAW_PERMUTATIONS_DOC = "Size of the fixed maximal-Hamming set of tile permutations"
            + " a puzzle is drawn from (the classifier's classes), 1 to 1000 and at most (grid^2)!. Must match the"
            + " learner's.";

    public static final String JIGSAW_GAP_CONFIG = "jigsaw.gap";
    public static final int JIGSAW_GAP_DEFAULT = 2;
    private static final String JIGSAW_GAP_DOC = "Pixels each jigsaw tile is smaller than its cell (floor(image.size /"
            + " grid)); tiles are cut at random offsets inside their cells, so that neighbouring tiles do not continue"
            + " each other's edges. A tile must keep at least one pixel.";

    public static final String JIGSAW_TILE_SIZE_CONFIG = "jigsaw.tile.size";
    public static final int JIGSAW_TILE_SIZE_DEFAULT = JigsawRecipe.DEFAULT_TILE_SIZE;
    private static final String JIGSAW_TILE_SIZE_DOC = "Side in pixels of each jigsaw tile view: every tile, as cut,"
            + " is resized to it, so that the encoder, which sees each tile on its own, gets tiles large enough to"
            + " pool. 8 to image.size.";

    public static final String INPAINTING_REGION_CONFIG = "inpainting.region";
    public static final double INPAINTING_REGION_DEFAULT = 0.5;
    private static final String INPAINTING_REGION_DOC =
            "Side of the erased square as a fraction of image.size, in" + " (0, 1); 0.5 erases a quarter of the image.";

    public static final String DENOISING_NOISE_STD_CONFIG = "denoising.noise.std";
    public static final double DENOISING_NOISE_STD_DEFAULT = 0.1;
    private static final String DENOISING_NOISE_STD_DOC = "Standard deviation of the additive Gaussian noise of a"
            + " denoising example, as a fraction of the 0..255 range; finite and at least 0.";

    public static final String DENOISING_DROP_CONFIG = "denoising.drop";
    public static final double DENOISING_DROP_DEFAULT = 0.25;
    private static final String DENOISING_DROP_DOC =
            "Probability that a pixel of a denoising example is dropped (set" + " to 0 in all channels), in [0, 1].";

    private static final String GROUP = "Pretext examples";

    private PretextKeys() {}

    /**
     * Adds every knob to {@code def} in the group {@code Pretext examples}.
     *
     * @param def the definition to extend
     * @return {@code def}
     */
    public static ConfigDef define(ConfigDef def) {
        List<Knob> knobs = List.of(
                new Knob(
                        CROP_SCALE_MIN_CONFIG,
                        CROP_SCALE_MIN_DEFAULT,
                        between(v -> v > 0 && v <= 1, "(0, 1]"),
                        CROP_SCALE_MIN_DOC),
                new Knob(
                        MAE_PATCH_SIZE_CONFIG,
                        MAE_PATCH_SIZE_DEFAULT,
                        Range.between(1, ViewRecipes.MAX_CROP_SIZE),
                        MAE_PATCH_SIZE_DOC),
                new Knob(
                        MAE_MASK_RATIO_CONFIG,
                        MAE_MASK_RATIO_DEFAULT,
                        between(v -> v >= 0 && v < 1, "[0, 1)"),
                        MAE_MASK_RATIO_DOC),
                new Knob(
                        JIGSAW_GRID_CONFIG,
                        JIGSAW_GRID_DEFAULT,
                        Range.between(JigsawPermutations.MIN_GRID, JigsawPermutations.MAX_GRID),
                        JIGSAW_GRID_DOC),
                new Knob(
                        JIGSAW_PERMUTATIONS_CONFIG,
                        JIGSAW_PERMUTATIONS_DEFAULT,
                        Range.between(1, JigsawPermutations.MAX_COUNT),
                        JIGSAW_PERMUTATIONS_DOC),
                new Knob(
                        JIGSAW_GAP_CONFIG,
                        JIGSAW_GAP_DEFAULT,
                        Range.between(0, ViewRecipes.MAX_CROP_SIZE),
                        JIGSAW_GAP_DOC),
                new Knob(
                        JIGSAW_TILE_SIZE_CONFIG,
                        JIGSAW_TILE_SIZE_DEFAULT,
                        Range.between(JigsawRecipe.MIN_TILE_SIZE, ViewRecipes.MAX_CROP_SIZE),
                        JIGSAW_TILE_SIZE_DOC),
                new Knob(
                        INPAINTING_REGION_CONFIG,
                        INPAINTING_REGION_DEFAULT,
                        between(v -> v > 0 && v < 1, "(0, 1)"),
                        INPAINTING_REGION_DOC),
                new Knob(
                        DENOISING_NOISE_STD_CONFIG,
                        DENOISING_NOISE_STD_DEFAULT,
                        between(v -> v >= 0 && Double.isFinite(v), "a finite number at least 0"),
                        DENOISING_NOISE_STD_DOC),
                new Knob(
                        DENOISING_DROP_CONFIG,
                        DENOISING_DROP_DEFAULT,
                        between(v -> v >= 0 && v <= 1, "[0, 1]"),
                        DENOISING_DROP_DOC));
        int order = 0;
        for (Knob knob : knobs) {
            def.define(
                    knob.name,
                    knob.value instanceof Integer ? Type.INT : Type.DOUBLE,
                    knob.value,
                    knob.validator,
                    Importance.MEDIUM,
                    knob.doc,
                    GROUP,
                    ++order,
                    ConfigDef.Width.SHORT,
                    knob.name);
        }
        return def;
    }

    /** One setting: its name, its default (an {@code Integer} for an INT key, a {@code Double} for a DOUBLE one). */
    private record Knob(String name, Number value, ConfigDef.Validator validator, String doc) {}

    /** @return the name of every pretext setting */
    public static Set<String> names() {
        return Set.of(
                CROP_SCALE_MIN_CONFIG,
                MAE_PATCH_SIZE_CONFIG,
                MAE_MASK_RATIO_CONFIG,
                JIGSAW_GRID_CONFIG,
                JIGSAW_PERMUTATIONS_CONFIG,
                JIGSAW_GAP_CONFIG,
                JIGSAW_TILE_SIZE_CONFIG,
                INPAINTING_REGION_CONFIG,
                DENOISING_NOISE_STD_CONFIG,
                DENOISING_DROP_CONFIG);
    }

    /**
     * A validator of a double that also refuses NaN, which Kafka's {@link Range} lets through.
     *
     * @param valid what a valid value satisfies
     * @param range the valid values in words, for the message and the documentation, e.g. {@code (0, 1]}
     * @return the validator
     */
    static ConfigDef.Validator between(DoublePredicate valid, String range) {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    if (value == null || !valid.test((Double) value)) {
                        throw new ConfigException(name, value, "Value must be in " + range);
                    }
                },
                () -> range);
    }

    /**
     * @param config a configuration defined with {@link #define(ConfigDef)}
     * @param size side of every view
     * @return the light base augmentation of every pretext recipe, its crop scale from {@value #CROP_SCALE_MIN_CONFIG}
     */
    public static SimClrAugmentation baseAugmentation(AbstractConfig config, int size) {
        return ViewRecipes.pretextAugmentation(size, config.getDouble(CROP_SCALE_MIN_CONFIG));
    }

    /**
     * @param kind a pretext kind of example
     * @param config a configuration defined with {@link #define(ConfigDef)}
     * @param size side of every view
     * @return the recipe of that kind with the configured knobs
     * @throws ConfigException if the knobs together are not a valid recipe, naming the settings
     * @throws IllegalStateException if {@code kind} is not a pretext kind
     */
    public static ViewRecipe recipe(ExampleRecipe kind, AbstractConfig config, int size) {
        try {
            SimClrAugmentation base = baseAugmentation(config, size);
            return switch (kind) {
                case MASKED_PATCHES ->
                    new MaskedPatchesRecipe(
                            base, config.getInt(MAE_PATCH_SIZE_CONFIG), config.getDouble(MAE_MASK_RATIO_CONFIG));
                case ROTATION -> new RotationRecipe(base);
                case JIGSAW ->
                    new JigsawRecipe(
                            base,
                            config.getInt(JIGSAW_GRID_CONFIG),
                            config.getInt(JIGSAW_PERMUTATIONS_CONFIG),
                            config.getInt(JIGSAW_GAP_CONFIG),
                            config.getInt(JIGSAW_TILE_SIZE_CONFIG));
                case INPAINTING -> new InpaintingRecipe(base, config.getDouble(INPAINTING_REGION_CONFIG));
                case COLORIZATION -> new ColorizationRecipe(base);
                case DENOISING ->
                    new DenoisingRecipe(
                            base,
                            config.getDouble(DENOISING_NOISE_STD_CONFIG),
                            config.getDouble(DENOISING_DROP_CONFIG));
                default -> throw new IllegalStateException("'" + kind.id() + "' is not a pretext recipe");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid " + kind.id() + " recipe (" + settings(kind) + " with image.size " + size
                    + "): " + e.getMessage());
        }
    }

    private static String settings(ExampleRecipe kind) {
        return switch (kind) {
            case MASKED_PATCHES -> "mae.* and " + CROP_SCALE_MIN_CONFIG;
            case JIGSAW -> "jigsaw.* and " + CROP_SCALE_MIN_CONFIG;
            case INPAINTING -> "inpainting.* and " + CROP_SCALE_MIN_CONFIG;
            case DENOISING -> "denoising.* and " + CROP_SCALE_MIN_CONFIG;
            default -> CROP_SCALE_MIN_CONFIG;
        };
    }
}
