package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.internal.AugmentationSpec;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Two-view examples (SimCLR, BYOL, MoCo, SimSiam, Barlow Twins, VICReg): {@code views} independent draws of one
 * SimCLR augmentation, all of its crop size. Spec: {@code v1;two-views;views=<n>;} followed by the augmentation's
 * keys ({@link ViewRecipes}).
 *
 * @param augmentation the augmentation each view is drawn from; crop size at most {@link ViewRecipes#MAX_CROP_SIZE}
 * @param views views per example, from 1 to {@link ViewRecipes#MAX_VIEWS}
 */
public record SimClrRecipe(SimClrAugmentation augmentation, int views) implements ViewRecipe {
    /** The kind of this recipe in its spec, the same word as the method catalogue's {@code two-views} recipe. */
    public static final String KIND = "two-views";
    /** Spec key of the number of views. */
    static final String VIEWS_KEY = "views";

    /** Checks the number of views and the augmentation against the caps of a spec. */
    public SimClrRecipe {
        if (views < 1 || views > ViewRecipes.MAX_VIEWS) {
            throw new IllegalArgumentException(
                    "A two-view example takes 1 to " + ViewRecipes.MAX_VIEWS + " views, got " + views);
        }
        ViewRecipes.checkAugmentation("", augmentation);
        ViewRecipes.checkSpecLength(spec(augmentation, views));
    }

    @Override
    public List<RgbImage> views(RgbImage image, RandomGenerator rng) {
        return List.of(augmentation.views(image, views, rng));
    }

    @Override
    public List<Integer> viewSides() {
        return Collections.nCopies(views, augmentation.cropSize());
    }

    @Override
    public String spec() {
        return spec(augmentation, views);
    }

    private static String spec(SimClrAugmentation augmentation, int views) {
        StringBuilder out = new StringBuilder(ViewRecipes.VERSION).append(';').append(KIND);
        SpecFields.append(out, VIEWS_KEY, Integer.toString(views));
        AugmentationSpec.write(out, "", augmentation);
        return out.toString();
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return ViewRecipes.concat(List.of(VIEWS_KEY), AugmentationSpec.keys(""));
    }

    /** Reads the fields after {@code v1;two-views}. */
    static SimClrRecipe read(SpecFields fields) {
        int views = fields.integer(VIEWS_KEY, 1, ViewRecipes.MAX_VIEWS);
        return new SimClrRecipe(AugmentationSpec.read(fields, "", ViewRecipes.MAX_CROP_SIZE), views);
    }
}
