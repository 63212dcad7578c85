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
 * </pre>
 *
 * (one line each). The augmentation keys are those of {@link SimClrAugmentation}: {@code size} (crop size),
 * {@code scale} and {@code ratio} (min,max of the random resized crop), {@code flip}, {@code jitter} (strength
 * {@code s}), {@code jitter.p}, {@code gray}, {@code blur.p}, {@code blur.sigma} (min,max) and {@code blur.kernel}
 * (kernel fraction). A multi-crop spec has them twice, prefixed {@code global.} and {@code local.}.
 *
 * <p>A spec is input: {@link #parse} caps its length before splitting it, reads sizes and counts only within
 * {@link #MAX_CROP_SIZE}, {@link #MAX_VIEWS} and {@link #MAX_LOCAL_CROPS}, and rejects an unknown version, kind or
 * key, a missing or repeated key, a malformed or non-finite number, and values no augmentation accepts, with an
 * {@link IllegalArgumentException} saying which. The recipes' constructors enforce the same caps, so the spec of
 * every recipe parses.
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
        switch (kind) {
            case SimClrRecipe.KIND:
                return SimClrRecipe.read(SpecFields.of(kind, parts, 2, SimClrRecipe.keys()));
            case MultiCropRecipe.KIND:
                return MultiCropRecipe.read(SpecFields.of(kind, parts, 2, MultiCropRecipe.keys()));
            default:
                throw new IllegalArgumentException("Unknown view recipe kind " + SpecFields.quote(kind) + "; kinds: "
                        + List.of(SimClrRecipe.KIND, MultiCropRecipe.KIND));
        }
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
