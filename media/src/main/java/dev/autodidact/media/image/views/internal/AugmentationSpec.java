package dev.autodidact.media.image.views.internal;

import dev.autodidact.media.image.augment.SimClrAugmentation;
import java.util.List;

/**
 * The spec fields of one {@link SimClrAugmentation}, each key under a prefix ({@code ""}, {@code global.},
 * {@code local.}): {@code size}, {@code scale} (min,max), {@code ratio} (min,max), {@code flip}, {@code jitter},
 * {@code jitter.p}, {@code gray}, {@code blur.p}, {@code blur.sigma} (min,max), {@code blur.kernel}.
 */
public final class AugmentationSpec {
    private static final String SIZE = "size";
    private static final String SCALE = "scale";
    private static final String RATIO = "ratio";
    private static final String FLIP = "flip";
    private static final String JITTER = "jitter";
    private static final String JITTER_P = "jitter.p";
    private static final String GRAY = "gray";
    private static final String BLUR_P = "blur.p";
    private static final String BLUR_SIGMA = "blur.sigma";
    private static final String BLUR_KERNEL = "blur.kernel";
    private static final List<String> KEYS =
            List.of(SIZE, SCALE, RATIO, FLIP, JITTER, JITTER_P, GRAY, BLUR_P, BLUR_SIGMA, BLUR_KERNEL);

    private AugmentationSpec() {}

    /** @return the keys under {@code prefix}, in the order {@link #write} writes them */
    public static List<String> keys(String prefix) {
        return KEYS.stream().map(k -> prefix + k).toList();
    }

    /** Appends {@code ;<prefix>size=...} and the other fields of {@code a} to {@code out}. */
    public static void write(StringBuilder out, String prefix, SimClrAugmentation a) {
        SpecFields.append(out, prefix + SIZE, Integer.toString(a.cropSize()));
        SpecFields.append(out, prefix + SCALE, a.scaleMin() + "," + a.scaleMax());
        SpecFields.append(out, prefix + RATIO, a.ratioMin() + "," + a.ratioMax());
        SpecFields.append(out, prefix + FLIP, Double.toString(a.flipP()));
        SpecFields.append(out, prefix + JITTER, Double.toString(a.jitterStrength()));
        SpecFields.append(out, prefix + JITTER_P, Double.toString(a.jitterP()));
        SpecFields.append(out, prefix + GRAY, Double.toString(a.grayscaleP()));
        SpecFields.append(out, prefix + BLUR_P, Double.toString(a.blurP()));
        SpecFields.append(out, prefix + BLUR_SIGMA, a.blurSigmaMin() + "," + a.blurSigmaMax());
        SpecFields.append(out, prefix + BLUR_KERNEL, Double.toString(a.blurKernelFraction()));
    }

    /**
     * @param fields the spec's fields
     * @param prefix the prefix of this augmentation's keys
     * @param maxSize the largest crop size accepted
     * @return the augmentation
     * @throws IllegalArgumentException if a field is missing or malformed, or the values are no valid augmentation
     */
    public static SimClrAugmentation read(SpecFields fields, String prefix, int maxSize) {
        int size = fields.integer(prefix + SIZE, 1, maxSize);
        double[] scale = fields.numbers(prefix + SCALE, 2);
        double[] ratio = fields.numbers(prefix + RATIO, 2);
        double flip = fields.number(prefix + FLIP);
        double jitter = fields.number(prefix + JITTER);
        double jitterP = fields.number(prefix + JITTER_P);
        double gray = fields.number(prefix + GRAY);
        double blurP = fields.number(prefix + BLUR_P);
        double[] sigma = fields.numbers(prefix + BLUR_SIGMA, 2);
        double kernel = fields.number(prefix + BLUR_KERNEL);
        try {
            return new SimClrAugmentation(
                    size, scale[0], scale[1], ratio[0], ratio[1], flip, jitter, jitterP, gray, blurP, sigma[0],
                    sigma[1], kernel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid " + (prefix.isEmpty() ? "" : prefix + "* ") + "augmentation in the view recipe spec: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * @param what which augmentation, for the message
     * @param a an augmentation
     * @throws IllegalArgumentException if one of its knobs is NaN or infinite, which a spec cannot carry
     */
    public static void checkFinite(String what, SimClrAugmentation a) {
        double[] knobs = {
            a.scaleMin(),
            a.scaleMax(),
            a.ratioMin(),
            a.ratioMax(),
            a.flipP(),
            a.jitterStrength(),
            a.jitterP(),
            a.grayscaleP(),
            a.blurP(),
            a.blurSigmaMin(),
            a.blurSigmaMax(),
            a.blurKernelFraction()
        };
        for (double knob : knobs) {
            if (!Double.isFinite(knob)) {
                throw new IllegalArgumentException("The " + what + "augmentation has a knob that is not finite: " + a);
            }
        }
    }
}
