package dev.autodidact.streams.internal;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.schema.CleanImage;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** SimCLR views: {@code n} independent draws of the SimCLR augmentation, all of the recipe's crop size. */
public final class SimClrRecipe implements ViewRecipe {
    private final SimClrAugmentation augmentation;
    private final int views;

    /**
     * @param augmentation the augmentation each view is drawn from
     * @param views number of views per example, at least 1
     */
    public SimClrRecipe(SimClrAugmentation augmentation, int views) {
        if (views < 1) {
            throw new IllegalArgumentException("A SimCLR example needs at least one view, got " + views);
        }
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.views = views;
    }

    @Override
    public List<CleanImage> views(RgbImage image, RandomGenerator rng) {
        return Arrays.stream(augmentation.views(image, views, rng)).map(ImageConversion::toClean).toList();
    }

    @Override
    public List<Integer> viewSides() {
        return Collections.nCopies(views, augmentation.cropSize());
    }
}
