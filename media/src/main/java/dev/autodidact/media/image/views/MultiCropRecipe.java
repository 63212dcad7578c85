package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.ImageTransform;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.internal.AugmentationSpec;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Multi-crop views (Caron et al., SwAV 2020 and DINO 2021): {@value #GLOBAL_CROPS} global crops, then
 * {@code localCrops} smaller local crops of the same image, in one example with views of mixed sizes. DINO's defaults
 * are global crops covering 40-100% of the image at full resolution and local crops covering 5-40% at a smaller one
 * (224 and 96 pixels on ImageNet). Each crop gets the photometric part of its SimCLR augmentation (flip, colour
 * jitter, grayscale, blur when enabled); DINO's solarisation and its per-view blur probabilities are not reproduced
 * (no solarise transform yet). Spec: {@code v1;multi-crop;local.crops=<n>;} followed by the global augmentation's keys
 * prefixed {@code global.} and the local one's prefixed {@code local.} ({@link ViewRecipes}).
 *
 * @param global the augmentation of each global crop, its crop size and scale included
 * @param local the augmentation of each local crop
 * @param localCrops local crops per example, from 0 to {@link ViewRecipes#MAX_LOCAL_CROPS}
 */
public record MultiCropRecipe(SimClrAugmentation global, SimClrAugmentation local, int localCrops)
        implements ViewRecipe {
    /** The kind of this recipe in its spec, the same word as the method catalogue's {@code multi-crop} recipe. */
    public static final String KIND = "multi-crop";
    /** Number of global crops, which the teacher sees; views 0 and 1 of every example. */
    public static final int GLOBAL_CROPS = 2;

    static final String GLOBAL_PREFIX = "global.";
    static final String LOCAL_PREFIX = "local.";
    /** Spec key of the number of local crops. */
    static final String LOCAL_CROPS_KEY = "local.crops";

    /** Checks the number of local crops and both augmentations against the caps of a spec. */
    public MultiCropRecipe {
        if (localCrops < 0 || localCrops > ViewRecipes.MAX_LOCAL_CROPS) {
            throw new IllegalArgumentException("A multi-crop example takes 0 to " + ViewRecipes.MAX_LOCAL_CROPS
                    + " local crops, got " + localCrops);
        }
        ViewRecipes.checkAugmentation("global ", global);
        ViewRecipes.checkAugmentation("local ", local);
        ViewRecipes.checkSpecLength(spec(global, local, localCrops));
    }

    @Override
    public List<RgbImage> views(RgbImage image, RandomGenerator rng) {
        ImageTransform globalPipeline = global.pipeline();
        ImageTransform localPipeline = local.pipeline();
        List<RgbImage> views = new ArrayList<>(GLOBAL_CROPS + localCrops);
        for (int i = 0; i < GLOBAL_CROPS; i++) {
            views.add(globalPipeline.apply(image, rng));
        }
        for (int i = 0; i < localCrops; i++) {
            views.add(localPipeline.apply(image, rng));
        }
        return views;
    }

    @Override
    public List<Integer> viewSides() {
        List<Integer> sides = new ArrayList<>(Collections.nCopies(GLOBAL_CROPS, global.cropSize()));
        sides.addAll(Collections.nCopies(localCrops, local.cropSize()));
        return List.copyOf(sides);
    }

    @Override
    public String spec() {
        return spec(global, local, localCrops);
    }

    private static String spec(SimClrAugmentation global, SimClrAugmentation local, int localCrops) {
        StringBuilder out = new StringBuilder(ViewRecipes.VERSION).append(';').append(KIND);
        SpecFields.append(out, LOCAL_CROPS_KEY, Integer.toString(localCrops));
        AugmentationSpec.write(out, GLOBAL_PREFIX, global);
        AugmentationSpec.write(out, LOCAL_PREFIX, local);
        return out.toString();
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return ViewRecipes.concat(
                List.of(LOCAL_CROPS_KEY),
                ViewRecipes.concat(AugmentationSpec.keys(GLOBAL_PREFIX), AugmentationSpec.keys(LOCAL_PREFIX)));
    }

    /** Reads the fields after {@code v1;multi-crop}. */
    static MultiCropRecipe read(SpecFields fields) {
        int localCrops = fields.integer(LOCAL_CROPS_KEY, 0, ViewRecipes.MAX_LOCAL_CROPS);
        return new MultiCropRecipe(
                AugmentationSpec.read(fields, GLOBAL_PREFIX, ViewRecipes.MAX_CROP_SIZE),
                AugmentationSpec.read(fields, LOCAL_PREFIX, ViewRecipes.MAX_CROP_SIZE),
                localCrops);
    }
}
