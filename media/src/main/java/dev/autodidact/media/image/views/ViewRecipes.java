package dev.autodidact.media.image.views;

import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.internal.AugmentationSpec;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a {@link ViewRecipe} back from its spec. A spec is ASCII text of at most {@value #MAX_SPEC_LENGTH}
 * characters: the version {@value #VERSION}, the kind, then {@code key=value} fields, all separated by {@code ;}.
 * Numbers are written with {@link Double#toString(double)} and {@link Integer#toString(int)}, so they read back
 * exactly; a pair of numbers is separated by {@code ,}. Every key is required, none may repeat, order is free:
 *
 * <pre>
 * v1;two-views;views=2;size=32;scale=0.08,1.0;ratio=0.75,1.3333333333333333;flip=0.5;jitter=0.5;jitter.p=0.8;
 *   gray=0.2;blur.p=0.0;blur.sigma=0.1,2.0;blur.kernel=0.1
 * v1;multi-crop;local.crops=6;global.size=32;global.scale=0.4,1.0;...;local.size=16;local.scale=0.05,0.4;...
 * v1;masked-patches;patch.size=4;mask.ratio=0.75;base.size=32;base.scale=0.2,1.0;...
 * v1;rotation;base.size=32;...
 * v1;jigsaw;grid=3;permutations=100;gap=2;tile.size=16;base.size=32;...
 * v1;inpainting;region=0.5;base.size=32;...
 * v1;colorization;base.size=32;...
 * v1;denoising;noise.std=0.1;drop=0.25;base.size=32;...
 * </pre>
 *
 * (one line each). The augmentation keys are those of {@link SimClrAugmentation}: {@code size} (crop size),
 * {@code scale} and {@code ratio} (min,max of the random resized crop), {@code flip}, {@code jitter} (strength
 * {@code s}), {@code jitter.p}, {@code gray}, {@code blur.p}, {@code blur.sigma} (min,max) and {@code blur.kernel}
 * (kernel fraction). A multi-crop spec has them twice, prefixed {@code global.} and {@code local.}; a pretext spec
 * (the kinds after {@code multi-crop}, named as the {@code ExampleRecipe} ids) once, prefixed {@code base.}: the light
 * augmentation applied before the pretext task ({@link #pretextAugmentation}). The pretext knobs are those of
 * {@link MaskedPatchesRecipe} ({@code patch.size} dividing {@code base.size}, {@code mask.ratio} in [0, 1)),
 * {@link JigsawRecipe} ({@code grid} 2..8, {@code permutations} 1..min(1000, (grid^2)!), {@code gap} in pixels,
 * leaving tiles of at least one pixel, {@code tile.size} 8..{@code base.size}), {@link InpaintingRecipe} ({@code region} in (0, 1)) and
 * {@link DenoisingRecipe} ({@code noise.std} finite and at least 0, {@code drop} in [0, 1]); {@link RotationRecipe}
 * and {@link ColorizationRecipe} have none.
 *
 * <p>A spec is input: {@link #parse} caps its length before splitting it, reads sizes and counts only within
 * {@link #MAX_CROP_SIZE}, {@link #MAX_VIEWS}, {@link #MAX_LOCAL_CROPS} and the pretext caps above, and rejects an
 * unknown version, kind or key, a missing or repeated key, a malformed or non-finite number, and values no recipe
 * accepts, with an {@link IllegalArgumentException} saying which. The recipes' constructors enforce the same caps, so
 * the spec of every recipe parses.
 */
public final class ViewRecipes {
    /** The spec version this build writes and reads. */
    public static final String VERSION = "v1";
    /** Longest spec: an example's metadata value may not be longer. */
    public static final int MAX_SPEC_LENGTH = 1024;
    /** Largest side of a view. */
    public static final int MAX_CROP_SIZE = 1024;
    /** Most views of a two-view recipe. */
    public static final int MAX_VIEWS = 64;
    /** Most local crops of a multi-crop recipe: with its 2 global crops, {@link #MAX_VIEWS} views. */
    public static final int MAX_LOCAL_CROPS = MAX_VIEWS - MultiCropRecipe.GLOBAL_CROPS;

    private static final List<String> KINDS = List.of(
            SimClrRecipe.KIND,
            MultiCropRecipe.KIND,
            MaskedPatchesRecipe.KIND,
            RotationRecipe.KIND,
            JigsawRecipe.KIND,
            InpaintingRecipe.KIND,
            ColorizationRecipe.KIND,
            DenoisingRecipe.KIND);

    private ViewRecipes() {}

    /**
     * @param spec a recipe's {@link ViewRecipe#spec()}
     * @return the recipe it describes: the same seed gives byte-identical views
     * @throws IllegalArgumentException naming what is wrong with {@code spec}
     */
    public static ViewRecipe parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw new IllegalArgumentException(
                    "View recipe spec is " + spec.length() + " characters long, more than " + MAX_SPEC_LENGTH);
        }
        String[] parts = spec.split(";", -1);
        if (!parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("Unsupported view recipe spec version " + SpecFields.quote(parts[0])
                    + "; this build reads " + VERSION);
        }
        String kind = parts.length > 1 ? parts[1] : "";
        return switch (kind) {
            case SimClrRecipe.KIND -> SimClrRecipe.read(fields(kind, parts, SimClrRecipe.keys()));
            case MultiCropRecipe.KIND -> MultiCropRecipe.read(fields(kind, parts, MultiCropRecipe.keys()));
            case MaskedPatchesRecipe.KIND -> MaskedPatchesRecipe.read(fields(kind, parts, MaskedPatchesRecipe.keys()));
            case RotationRecipe.KIND -> RotationRecipe.read(fields(kind, parts, RotationRecipe.keys()));
            case JigsawRecipe.KIND -> JigsawRecipe.read(fields(kind, parts, JigsawRecipe.keys()));
            case InpaintingRecipe.KIND -> InpaintingRecipe.read(fields(kind, parts, InpaintingRecipe.keys()));
            case ColorizationRecipe.KIND -> ColorizationRecipe.read(fields(kind, parts, ColorizationRecipe.keys()));
            case DenoisingRecipe.KIND -> DenoisingRecipe.read(fields(kind, parts, DenoisingRecipe.keys()));
            default ->
                throw new IllegalArgumentException(
                        "Unknown view recipe kind " + SpecFields.quote(kind) + "; kinds: " + KINDS);
        };
    }

    private static SpecFields fields(String kind, String[] parts, List<String> keys) {
        return SpecFields.of(kind, parts, 2, keys);
    }

    /**
     * The light augmentation the pretext recipes apply before their task: a random resized crop of area fraction
     * {@code scaleMin} to 1 and aspect ratio 3/4 to 4/3, and a horizontal flip with probability 0.5; no colour jitter,
     * grayscale or blur, which would change what colorization, inpainting and denoising predict.
     *
     * @param size side of the view
     * @param scaleMin smallest crop area fraction, in {@code (0, 1]}
     * @return the augmentation
     * @throws IllegalArgumentException if {@code size} or {@code scaleMin} is out of range
     */
    public static SimClrAugmentation pretextAugmentation(int size, double scaleMin) {
        return SimClrAugmentation.defaultsFor(size).toBuilder()
                .optScaleMin(scaleMin)
                .optScaleMax(1.0)
                .optJitterStrength(0.0)
                .optJitterP(0.0)
                .optGrayscaleP(0.0)
                .optBlurP(0.0)
                .build();
    }

    /**
     * @param what which augmentation, for the message ({@code ""}, {@code "global "}, {@code "local "})
     * @param augmentation an augmentation of a recipe
     * @throws IllegalArgumentException if its crop size is over {@link #MAX_CROP_SIZE} or a knob is not finite
     */
    static void checkAugmentation(String what, SimClrAugmentation augmentation) {
        Objects.requireNonNull(augmentation, what + "augmentation");
        if (augmentation.cropSize() > MAX_CROP_SIZE) {
            throw new IllegalArgumentException("The " + what + "crop size " + augmentation.cropSize()
                    + " is over the largest view side, " + MAX_CROP_SIZE);
        }
        AugmentationSpec.checkFinite(what, augmentation);
    }

    /** @throws IllegalArgumentException if {@code spec} is longer than {@link #MAX_SPEC_LENGTH} */
    static void checkSpecLength(String spec) {
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw new IllegalArgumentException("The recipe's spec would take " + spec.length()
                    + " characters, more than " + MAX_SPEC_LENGTH + ": " + SpecFields.quote(spec));
        }
    }

    static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
