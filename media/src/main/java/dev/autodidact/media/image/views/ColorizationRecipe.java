package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.pretext.CieLab;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Colorization examples (Zhang, Isola and Efros, "Colorful Image Colorization", ECCV 2016): one view of the base
 * augmentation shown in grayscale ({@code view.0}: each pixel's CIE L* rendered back to the sRGB gray of that
 * lightness, the same value in all three channels, so the encoder's input stays an RGB image), and its colour as
 * {@value RecipeArray#TARGET} (f32 {@code [h, w, 2]}): CIE Lab a* and b* (D65, {@link CieLab}) divided by
 * {@value #AB_SCALE}, roughly in {@code [-1, 1]}. The paper classifies quantised ab bins with rebalancing; the
 * regression target here leaves that choice to the method.
 *
 * <p>Spec: {@code v1;colorization;} followed by the base augmentation's keys prefixed {@code base.}
 * ({@link ViewRecipes}).
 *
 * @param base the augmentation of the view before it loses its colour
 */
public record ColorizationRecipe(SimClrAugmentation base) implements ViewRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id {@code colorization}. */
    public static final String KIND = "colorization";
    /** What a* and b* are divided by in the target. */
    public static final float AB_SCALE = 128f;

    /** Checks the base augmentation against the caps of a spec. */
    public ColorizationRecipe {
        PretextSpecs.checkBase(KIND, base);
        ViewRecipes.checkSpecLength(spec(base));
    }

    @Override
    public RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        RgbImage view = base.pipeline().apply(image, rng);
        byte[] src = view.pixels();
        byte[] gray = new byte[src.length];
        float[] ab = new float[src.length / 3 * 2];
        double[] lab = new double[3];
        for (int p = 0; p < src.length / 3; p++) {
            CieLab.fromSrgb(src[3 * p] & 0xFF, src[3 * p + 1] & 0xFF, src[3 * p + 2] & 0xFF, lab);
            byte g = (byte) CieLab.gray(lab[0]);
            gray[3 * p] = g;
            gray[3 * p + 1] = g;
            gray[3 * p + 2] = g;
            ab[2 * p] = (float) (lab[1] / AB_SCALE);
            ab[2 * p + 1] = (float) (lab[2] / AB_SCALE);
        }
        return new RecipeDraw(
                List.of(new RgbImage(view.width(), view.height(), gray)),
                List.of(RecipeArray.f32(RecipeArray.TARGET, ab, view.height(), view.width(), 2)));
    }

    @Override
    public List<RgbImage> views(RgbImage image, RandomGenerator rng) {
        return draw(image, rng).views();
    }

    @Override
    public List<Integer> viewSides() {
        return List.of(base.cropSize());
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        int size = base.cropSize();
        return List.of(new RecipeArray.Layout(RecipeArray.TARGET, RecipeArray.ElementType.F32, List.of(size, size, 2)));
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

    /** Reads the fields after {@code v1;colorization}. */
    static ColorizationRecipe read(SpecFields fields) {
        return new ColorizationRecipe(PretextSpecs.readBase(fields));
    }
}
