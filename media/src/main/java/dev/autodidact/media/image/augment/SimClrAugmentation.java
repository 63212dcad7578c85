package dev.autodidact.media.image.augment;

import dev.autodidact.media.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The SimCLR view recipe (Chen et al. 2020, appendix A): random resized crop, horizontal flip, colour jitter of
 * strength {@code s} (brightness, contrast, saturation {@code 0.8 s}, hue {@code 0.2 s}) applied with probability
 * {@code jitterP}, random grayscale, and Gaussian blur. Every knob is a component; start from
 * {@link #defaultsFor(int)} and change knobs with {@link #toBuilder()}.
 *
 * @param cropSize side of every view
 * @param scaleMin smallest crop area fraction
 * @param scaleMax largest crop area fraction
 * @param ratioMin smallest crop aspect ratio
 * @param ratioMax largest crop aspect ratio
 * @param flipP probability of a horizontal flip
 * @param jitterStrength colour distortion strength {@code s}
 * @param jitterP probability of colour jitter
 * @param grayscaleP probability of grayscale
 * @param blurP probability of Gaussian blur (0 leaves blur out)
 * @param blurSigmaMin smallest blur sigma in pixels
 * @param blurSigmaMax largest blur sigma in pixels
 * @param blurKernelFraction blur kernel length as a fraction of the shorter side
 */
public record SimClrAugmentation(
        int cropSize,
        double scaleMin,
        double scaleMax,
        double ratioMin,
        double ratioMax,
        double flipP,
        double jitterStrength,
        double jitterP,
        double grayscaleP,
        double blurP,
        double blurSigmaMin,
        double blurSigmaMax,
        double blurKernelFraction) {
    /** Images this size and larger get the ImageNet recipe, smaller ones the CIFAR recipe. */
    public static final int IMAGENET_RECIPE_MIN_SIZE = 96;

    /** Validates every knob: each transform's constructor checks its own. */
    public SimClrAugmentation {
        new RandomResizedCrop(cropSize, scaleMin, scaleMax, ratioMin, ratioMax);
        new HorizontalFlip(flipP);
        jitter(jitterStrength, jitterP);
        new RandomGrayscale(grayscaleP);
        new GaussianBlur(blurP, blurSigmaMin, blurSigmaMax, blurKernelFraction);
    }

    /**
     * The paper's recipe for views of {@code size}: for {@code size >= 96} the ImageNet recipe (jitter strength 1.0,
     * blur with probability 0.5), below it the CIFAR recipe (jitter strength 0.5, no blur). Both use crop scale
     * (0.08, 1), ratio (3/4, 4/3), flip 0.5, jitter probability 0.8, grayscale 0.2, blur sigma (0.1, 2.0) and a
     * kernel of 10% of the side.
     *
     * @param size side of every view
     * @return the recipe
     */
    public static SimClrAugmentation defaultsFor(int size) {
        boolean imageNet = size >= IMAGENET_RECIPE_MIN_SIZE;
        return new SimClrAugmentation(
                size,
                0.08,
                1.0,
                3.0 / 4.0,
                4.0 / 3.0,
                0.5,
                imageNet ? 1.0 : 0.5,
                0.8,
                0.2,
                imageNet ? 0.5 : 0.0,
                0.1,
                2.0,
                0.1);
    }

    /** @return a builder holding these values */
    public SimClrAugmentationBuilder toBuilder() {
        return new SimClrAugmentationBuilder(this);
    }

    /** @return the transforms in SimCLR order; blur only when {@code blurP > 0} */
    public ImageTransform pipeline() {
        List<ImageTransform> transforms = new ArrayList<>();
        transforms.add(new RandomResizedCrop(cropSize, scaleMin, scaleMax, ratioMin, ratioMax));
        transforms.add(new HorizontalFlip(flipP));
        transforms.add(jitter(jitterStrength, jitterP));
        transforms.add(new RandomGrayscale(grayscaleP));
        if (blurP > 0) {
            transforms.add(new GaussianBlur(blurP, blurSigmaMin, blurSigmaMax, blurKernelFraction));
        }
        return new Compose(transforms);
    }

    /**
     * Draws {@code n} independent views of one image.
     *
     * @param image the source image
     * @param n number of views
     * @param rng the source of randomness; the same seed gives the same views
     * @return the views, each {@code cropSize x cropSize}
     */
    public RgbImage[] views(RgbImage image, int n, RandomGenerator rng) {
        ImageTransform pipeline = pipeline();
        RgbImage[] views = new RgbImage[n];
        for (int i = 0; i < n; i++) {
            views[i] = pipeline.apply(image, rng);
        }
        return views;
    }

    private static ColorJitter jitter(double s, double p) {
        return new ColorJitter(0.8 * s, 0.8 * s, 0.8 * s, 0.2 * s, p);
    }
}
