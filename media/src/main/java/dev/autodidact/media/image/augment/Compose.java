package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import java.util.List;
import java.util.random.RandomGenerator;

/** Applies transforms one after another, in list order. */
public final class Compose implements ImageTransform {
    private final List<ImageTransform> transforms;

    /** @param transforms the transforms, applied first to last */
    public Compose(List<ImageTransform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    /** @return the transforms, first to last */
    public List<ImageTransform> transforms() {
        return transforms;
    }

    @Override
    public RgbImage apply(RgbImage in, RandomGenerator rng) {
        RgbImage image = in;
        for (ImageTransform transform : transforms) {
            image = transform.apply(image, rng);
        }
        return image;
    }
}
