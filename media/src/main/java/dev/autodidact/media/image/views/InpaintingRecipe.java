package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Inpainting examples for a context encoder (Pathak et al., "Context Encoders: Feature Learning by Inpainting", CVPR
 * 2016): one view of the base augmentation with one square region, of side {@code round(region * size)} at a uniformly
 * random position, filled with gray {@value #FILL} ({@code view.0}); {@value RecipeArray#MASK} (u8 {@code [h, w]}, 1 =
 * erased) marks the region and {@value RecipeArray#TARGET} (u8 {@code [h, w, 3]}) holds the view before erasing. The
 * default region 0.5 erases a quarter of the image, the paper's central-region setting placed at random (its "random
 * block" variant).
 *
 * <p>Spec: {@code v1;inpainting;region=<r>;} followed by the base augmentation's keys prefixed {@code base.}
 * ({@link ViewRecipes}).
 *
 * @param base the augmentation of the view before erasing
 * @param region the erased square's side as a fraction of the view's, in {@code (0, 1)}
 */
public record InpaintingRecipe(SimClrAugmentation base, double region) implements ViewRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id {@code inpainting}. */
    public static final String KIND = "inpainting";
    /** Gray level of the erased pixels. */
    public static final int FILL = 128;

    static final String REGION_KEY = "region";

    /** Checks that the region is a fraction strictly between 0 and 1. */
    public InpaintingRecipe {
        PretextSpecs.checkBase(KIND, base);
        if (!(region > 0 && region < 1)) {
            throw new IllegalArgumentException("The inpainting region must be in (0, 1), got " + region);
        }
        ViewRecipes.checkSpecLength(spec(base, region));
    }

    /** @return the side of the erased square: {@code round(region * size)}, at least 1 and at most the size */
    public int regionSize() {
        long side = Math.round(region * base.cropSize());
        return (int) Math.max(1, Math.min(base.cropSize(), side));
    }

    @Override
    public RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        RgbImage view = base.pipeline().apply(image, rng);
        int size = view.width();
        int side = regionSize();
        int x0 = rng.nextInt(size - side + 1);
        int y0 = rng.nextInt(size - side + 1);
        byte[] erased = view.pixels().clone();
        byte[] mask = new byte[size * size];
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                int i = y * size + x;
                mask[i] = 1;
                erased[3 * i] = (byte) FILL;
                erased[3 * i + 1] = (byte) FILL;
                erased[3 * i + 2] = (byte) FILL;
            }
        }
        return new RecipeDraw(
                List.of(new RgbImage(size, size, erased)),
                List.of(
                        RecipeArray.u8(RecipeArray.MASK, mask, size, size),
                        RecipeArray.u8(RecipeArray.TARGET, view.pixels(), size, size, 3)));
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
        return List.of(
                new RecipeArray.Layout(RecipeArray.MASK, RecipeArray.ElementType.U8, List.of(size, size)),
                new RecipeArray.Layout(RecipeArray.TARGET, RecipeArray.ElementType.U8, List.of(size, size, 3)));
    }

    @Override
    public String spec() {
        return spec(base, region);
    }

    private static String spec(SimClrAugmentation base, double region) {
        return PretextSpecs.write(KIND, base, REGION_KEY, Double.toString(region));
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return PretextSpecs.keys(List.of(REGION_KEY));
    }

    /** Reads the fields after {@code v1;inpainting}. */
    static InpaintingRecipe read(SpecFields fields) {
        double region = fields.number(REGION_KEY);
        return new InpaintingRecipe(PretextSpecs.readBase(fields), region);
    }
}
