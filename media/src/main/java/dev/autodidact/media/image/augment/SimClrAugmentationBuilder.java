package dev.autodidact.media.image.augment;

/**
 * Changes some knobs of a {@link SimClrAugmentation}: {@code setCropSize} for the one every recipe needs, {@code optX}
 * for the rest. Start from {@link SimClrAugmentation#toBuilder()} or {@link #forSize(int)}.
 */
public final class SimClrAugmentationBuilder {
    private int cropSize;
    private double scaleMin;
    private double scaleMax;
    private double ratioMin;
    private double ratioMax;
    private double flipP;
    private double jitterStrength;
    private double jitterP;
    private double grayscaleP;
    private double blurP;
    private double blurSigmaMin;
    private double blurSigmaMax;
    private double blurKernelFraction;

    SimClrAugmentationBuilder(SimClrAugmentation from) {
        cropSize = from.cropSize();
        scaleMin = from.scaleMin();
        scaleMax = from.scaleMax();
        ratioMin = from.ratioMin();
        ratioMax = from.ratioMax();
        flipP = from.flipP();
        jitterStrength = from.jitterStrength();
        jitterP = from.jitterP();
        grayscaleP = from.grayscaleP();
        blurP = from.blurP();
        blurSigmaMin = from.blurSigmaMin();
        blurSigmaMax = from.blurSigmaMax();
        blurKernelFraction = from.blurKernelFraction();
    }

    /**
     * @param size side of every view
     * @return a builder starting from {@link SimClrAugmentation#defaultsFor(int)}
     */
    public static SimClrAugmentationBuilder forSize(int size) {
        return SimClrAugmentation.defaultsFor(size).toBuilder();
    }

    /**
     * @param value side of every view
     * @return this builder
     */
    public SimClrAugmentationBuilder setCropSize(int value) {
        cropSize = value;
        return this;
    }

    /**
     * @param value smallest crop area fraction
     * @return this builder
     */
    public SimClrAugmentationBuilder optScaleMin(double value) {
        scaleMin = value;
        return this;
    }

    /**
     * @param value largest crop area fraction
     * @return this builder
     */
    public SimClrAugmentationBuilder optScaleMax(double value) {
        scaleMax = value;
        return this;
    }

    /**
     * @param value smallest crop aspect ratio
     * @return this builder
     */
    public SimClrAugmentationBuilder optRatioMin(double value) {
        ratioMin = value;
        return this;
    }

    /**
     * @param value largest crop aspect ratio
     * @return this builder
     */
    public SimClrAugmentationBuilder optRatioMax(double value) {
        ratioMax = value;
        return this;
    }

    /**
     * @param value probability of a horizontal flip
     * @return this builder
     */
    public SimClrAugmentationBuilder optFlipP(double value) {
        flipP = value;
        return this;
    }

    /**
     * @param value colour distortion strength s
     * @return this builder
     */
    public SimClrAugmentationBuilder optJitterStrength(double value) {
        jitterStrength = value;
        return this;
    }

    /**
     * @param value probability of colour jitter
     * @return this builder
     */
    public SimClrAugmentationBuilder optJitterP(double value) {
        jitterP = value;
        return this;
    }

    /**
     * @param value probability of grayscale
     * @return this builder
     */
    public SimClrAugmentationBuilder optGrayscaleP(double value) {
        grayscaleP = value;
        return this;
    }

    /**
     * @param value probability of Gaussian blur
     * @return this builder
     */
    public SimClrAugmentationBuilder optBlurP(double value) {
        blurP = value;
        return this;
    }

    /**
     * @param value smallest blur sigma in pixels
     * @return this builder
     */
    public SimClrAugmentationBuilder optBlurSigmaMin(double value) {
        blurSigmaMin = value;
        return this;
    }

    /**
     * @param value largest blur sigma in pixels
     * @return this builder
     */
    public SimClrAugmentationBuilder optBlurSigmaMax(double value) {
        blurSigmaMax = value;
        return this;
    }

    /**
     * @param value blur kernel length as a fraction of the shorter side
     * @return this builder
     */
    public SimClrAugmentationBuilder optBlurKernelFraction(double value) {
        blurKernelFraction = value;
        return this;
    }

    /** @return the recipe, validated */
    public SimClrAugmentation build() {
        return new SimClrAugmentation(
                cropSize,
                scaleMin,
                scaleMax,
                ratioMin,
                ratioMax,
                flipP,
                jitterStrength,
                jitterP,
                grayscaleP,
                blurP,
                blurSigmaMin,
                blurSigmaMax,
                blurKernelFraction);
    }
}
