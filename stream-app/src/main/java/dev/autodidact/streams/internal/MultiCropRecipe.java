package dev.autodidact.streams.internal;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.ImageTransform;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.schema.CleanImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Multi-crop views (Caron et al., SwAV 2020 and DINO 2021): 2 global crops, then {@code localCrops} smaller local crops
 * of the same image, in one example with views of mixed sizes. DINO's defaults are global crops covering 40-100% of
 * the image at full resolution and local crops covering 5-40% at a smaller one (224 and 96 pixels on ImageNet; here
 * {@code image.size} and half of it). Each crop gets the photometric part of the SimCLR recipe (flip, colour jitter,
 * grayscale, blur when enabled); DINO's solarisation and its per-view blur probabilities are not reproduced (no
 * solarise transform yet, and the CIFAR-scale recipe has no blur).
 */
public final class MultiCropRecipe implements ViewRecipe {
    /** Number of global crops, which the teacher sees; views 0 and 1 of every example. */
    public static final int GLOBAL_CROPS = 2;

    private final ImageTransform global;
    private final ImageTransform local;
    private final int localCrops;
    private final List<Integer> sides;

    /**
     * @param global the augmentation of each global crop (its crop size and scale included)
     * @param local the augmentation of each local crop
     * @param localCrops local crops per example, at least 0
     */
    public MultiCropRecipe(SimClrAugmentation global, SimClrAugmentation local, int localCrops) {
        if (localCrops < 0) {
            throw new IllegalArgumentException("Local crops must not be negative, got " + localCrops);
        }
        this.global = Objects.requireNonNull(global, "global").pipeline();
        this.local = Objects.requireNonNull(local, "local").pipeline();
        this.localCrops = localCrops;
        List<Integer> all = new ArrayList<>(Collections.nCopies(GLOBAL_CROPS, global.cropSize()));
        all.addAll(Collections.nCopies(localCrops, local.cropSize()));
        this.sides = List.copyOf(all);
    }

    @Override
    public List<CleanImage> views(RgbImage image, RandomGenerator rng) {
        List<CleanImage> views = new ArrayList<>(GLOBAL_CROPS + localCrops);
        for (int i = 0; i < GLOBAL_CROPS; i++) {
            views.add(ImageConversion.toClean(global.apply(image, rng)));
        }
        for (int i = 0; i < localCrops; i++) {
            views.add(ImageConversion.toClean(local.apply(image, rng)));
        }
        return views;
    }

    @Override
    public List<Integer> viewSides() {
        return sides;
    }
}
