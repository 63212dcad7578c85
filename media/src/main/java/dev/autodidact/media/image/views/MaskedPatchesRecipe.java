package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.augment.internal.Sampling;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Masked-patch examples for MAE (He et al., "Masked Autoencoders Are Scalable Vision Learners", CVPR 2022): one view
 * of the base augmentation ({@code view.0}), cut into square patches of {@code patchSize} in row-major order, and a
 * uniformly random subset of them to mask. {@value RecipeArray#MASK} (u8 {@code [P]}) is 1 for a masked patch;
 * {@value RecipeArray#MASK_INDEX} (i32 {@code [P]}) lists the visible patches in ascending order, then the masked
 * ones in ascending order, so an encoder gathers the first {@link #visiblePatches()} indices and a decoder restores
 * the order. As in the paper's code, {@code floor(P (1 - maskRatio))} patches stay visible, and at least one.
 *
 * <p>Spec: {@code v1;masked-patches;patch.size=<p>;mask.ratio=<r>;} followed by the base augmentation's keys prefixed
 * {@code base.} ({@link ViewRecipes}).
 *
 * @param base the augmentation of the view, its crop size a multiple of {@code patchSize}
 * @param patchSize side of a patch in pixels, dividing the crop size
 * @param maskRatio the fraction of patches masked, in {@code [0, 1)}
 */
public record MaskedPatchesRecipe(SimClrAugmentation base, int patchSize, double maskRatio) implements ViewRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id {@code masked-patches}. */
    public static final String KIND = "masked-patches";

    static final String PATCH_SIZE_KEY = "patch.size";
    static final String MASK_RATIO_KEY = "mask.ratio";

    /** Checks that the patch size divides the crop size and the ratio leaves patches visible. */
    public MaskedPatchesRecipe {
        PretextSpecs.checkBase(KIND, base);
        PretextSpecs.checkRange("The patch size", patchSize, 1, base.cropSize());
        if (base.cropSize() % patchSize != 0) {
            throw new IllegalArgumentException(
                    "The patch size " + patchSize + " must divide the crop size " + base.cropSize());
        }
        if (!(maskRatio >= 0 && maskRatio < 1)) {
            throw new IllegalArgumentException("The mask ratio must be in [0, 1), got " + maskRatio);
        }
        ViewRecipes.checkSpecLength(spec(base, patchSize, maskRatio));
    }

    /** @return the number of patches {@code P}, {@code (cropSize / patchSize)^2} */
    public int patches() {
        int perSide = base.cropSize() / patchSize;
        return perSide * perSide;
    }

    /** @return how many patches stay visible: {@code max(1, floor(P (1 - maskRatio)))} */
    public int visiblePatches() {
        return Math.max(1, (int) (patches() * (1 - maskRatio)));
    }

    @Override
    public RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        RgbImage view = base.pipeline().apply(image, rng);
        int p = patches();
        int visible = visiblePatches();
        int[] shuffled = Sampling.permutation(rng, p);
        byte[] mask = new byte[p];
        for (int i = visible; i < p; i++) {
            mask[shuffled[i]] = 1;
        }
        int[] index = new int[p];
        int nextVisible = 0;
        int nextMasked = visible;
        for (int patch = 0; patch < p; patch++) {
            if (mask[patch] == 0) {
                index[nextVisible++] = patch;
            } else {
                index[nextMasked++] = patch;
            }
        }
        return new RecipeDraw(
                List.of(view),
                List.of(RecipeArray.u8(RecipeArray.MASK, mask, p), RecipeArray.i32(RecipeArray.MASK_INDEX, index, p)));
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
        return List.of(
                new RecipeArray.Layout(RecipeArray.MASK, RecipeArray.ElementType.U8, List.of(patches())),
                new RecipeArray.Layout(RecipeArray.MASK_INDEX, RecipeArray.ElementType.I32, List.of(patches())));
    }

    @Override
    public String spec() {
        return spec(base, patchSize, maskRatio);
    }

    private static String spec(SimClrAugmentation base, int patchSize, double maskRatio) {
        return PretextSpecs.write(
                KIND, base, PATCH_SIZE_KEY, Integer.toString(patchSize), MASK_RATIO_KEY, Double.toString(maskRatio));
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return PretextSpecs.keys(List.of(PATCH_SIZE_KEY, MASK_RATIO_KEY));
    }

    /** Reads the fields after {@code v1;masked-patches}. */
    static MaskedPatchesRecipe read(SpecFields fields) {
        int patchSize = fields.integer(PATCH_SIZE_KEY, 1, ViewRecipes.MAX_CROP_SIZE);
        double maskRatio = fields.number(MASK_RATIO_KEY);
        return new MaskedPatchesRecipe(PretextSpecs.readBase(fields), patchSize, maskRatio);
    }
}
