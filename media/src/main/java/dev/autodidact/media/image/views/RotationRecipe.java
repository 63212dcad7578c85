package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.ImageTransform;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.augment.internal.Sampling;
import dev.autodidact.media.image.pretext.Rotations;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Rotation examples for RotNet (Gidaris, Singh and Komodakis, ICLR 2018): {@value Rotations#COUNT} independent draws
 * of the base augmentation ({@code view.0 .. view.3}), view {@code i} turned {@code k_i} quarter turns
 * counter-clockwise ({@link Rotations}), where {@code (k_0 .. k_3)} is a random permutation of {@code 0..3}: every
 * example holds each rotation once, as the paper's batches do, in a random order so the position says nothing.
 * {@value RecipeArray#TARGET} (i32 {@code [4]}) holds the {@code k_i}.
 *
 * <p>Spec: {@code v1;rotation;} followed by the base augmentation's keys prefixed {@code base.} ({@link ViewRecipes}).
 *
 * @param base the augmentation of each view, before its rotation
 */
public record RotationRecipe(SimClrAugmentation base) implements ViewRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id {@code rotation}. */
    public static final String KIND = "rotation";

    /** Checks the base augmentation against the caps of a spec. */
    public RotationRecipe {
        PretextSpecs.checkBase(KIND, base);
        ViewRecipes.checkSpecLength(spec(base));
    }

    @Override
    public RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        int[] turns = Sampling.permutation(rng, Rotations.COUNT);
        ImageTransform pipeline = base.pipeline();
        List<RgbImage> views = new ArrayList<>(Rotations.COUNT);
        for (int turn : turns) {
            views.add(Rotations.rotate(pipeline.apply(image, rng), turn));
        }
        return new RecipeDraw(views, List.of(RecipeArray.i32(RecipeArray.TARGET, turns, Rotations.COUNT)));
    }

    @Override
    public List<RgbImage> views(RgbImage image, RandomGenerator rng) {
        return draw(image, rng).views();
    }

    @Override
    public List<Integer> viewSides() {
        return Collections.nCopies(Rotations.COUNT, base.cropSize());
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        return List.of(
                new RecipeArray.Layout(RecipeArray.TARGET, RecipeArray.ElementType.I32, List.of(Rotations.COUNT)));
    }

    @Override
    public String spec() {
        return spec(base);
    }

    private static String spec(SimClrAugmentation base) {
        return PretextSpecs.write(KIND, base);
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return PretextSpecs.keys(List.of());
    }

    /** Reads the fields after {@code v1;rotation}. */
    static RotationRecipe read(SpecFields fields) {
        return new RotationRecipe(PretextSpecs.readBase(fields));
    }
}
