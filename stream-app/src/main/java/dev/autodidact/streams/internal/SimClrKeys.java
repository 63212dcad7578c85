package dev.autodidact.streams.internal;

import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.augment.SimClrAugmentationBuilder;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code simclr.*} knobs of the SimCLR view recipe. Each is optional: unset, it takes the value of
 * {@link SimClrAugmentation#defaultsFor(int)} for the configured image size (the CIFAR recipe below 96 pixels, the
 * ImageNet recipe from 96 on).
 */
public enum SimClrKeys {
    CROP_SCALE_MIN(
            "simclr.crop.scale.min",
            "Smallest area fraction of the random resized crop.",
            SimClrAugmentationBuilder::optScaleMin),
    CROP_SCALE_MAX(
            "simclr.crop.scale.max",
            "Largest area fraction of the random resized crop.",
            SimClrAugmentationBuilder::optScaleMax),
    CROP_RATIO_MIN(
            "simclr.crop.ratio.min",
            "Smallest aspect ratio of the random resized crop.",
            SimClrAugmentationBuilder::optRatioMin),
    CROP_RATIO_MAX(
            "simclr.crop.ratio.max",
            "Largest aspect ratio of the random resized crop.",
            SimClrAugmentationBuilder::optRatioMax),
    FLIP_PROBABILITY(
            "simclr.flip.probability", "Probability of a horizontal flip.", SimClrAugmentationBuilder::optFlipP),
    JITTER_STRENGTH(
            "simclr.jitter.strength",
            "Colour distortion strength s: brightness, contrast and saturation 0.8 s," + " hue 0.2 s.",
            SimClrAugmentationBuilder::optJitterStrength),
    JITTER_PROBABILITY(
            "simclr.jitter.probability", "Probability of colour jitter.", SimClrAugmentationBuilder::optJitterP),
    GRAYSCALE_PROBABILITY(
            "simclr.grayscale.probability",
            "Probability of converting a view to grayscale.",
            SimClrAugmentationBuilder::optGrayscaleP),
    BLUR_PROBABILITY(
            "simclr.blur.probability",
            "Probability of Gaussian blur; 0 leaves blur out.",
            SimClrAugmentationBuilder::optBlurP),
    BLUR_SIGMA_MIN(
            "simclr.blur.sigma.min", "Smallest blur sigma in pixels.", SimClrAugmentationBuilder::optBlurSigmaMin),
    BLUR_SIGMA_MAX(
            "simclr.blur.sigma.max", "Largest blur sigma in pixels.", SimClrAugmentationBuilder::optBlurSigmaMax),
    BLUR_KERNEL_FRACTION(
            "simclr.blur.kernel.fraction",
            "Blur kernel length as a fraction of the shorter side.",
            SimClrAugmentationBuilder::optBlurKernelFraction);

    /** The prefix every key of this recipe starts with. */
    public static final String PREFIX = "simclr.";

    private final String key;
    private final String doc;
    private final BiConsumer<SimClrAugmentationBuilder, Double> setter;

    SimClrKeys(String key, String doc, BiConsumer<SimClrAugmentationBuilder, Double> setter) {
        this.key = key;
        this.doc = doc;
        this.setter = setter;
    }

    /** @return the configuration key, e.g. {@code simclr.crop.scale.min} */
    public String key() {
        return key;
    }

    /**
     * Adds every knob to {@code def} as an optional double in the group {@code SimCLR views}.
     *
     * @param def the definition to extend
     * @return {@code def}
     */
    public static ConfigDef define(ConfigDef def) {
        Range nonNegative = Range.atLeast(0.0);
        ConfigDef.Validator unsetOrNonNegative = ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    if (value != null) {
                        nonNegative.ensureValid(name, value);
                        if (!Double.isFinite((Double) value)) {
                            throw new ConfigException(name, value, "Value must be a finite number");
                        }
                    }
                },
                () -> "unset or a finite " + nonNegative);
        int order = 0;
        for (SimClrKeys k : values()) {
            def.define(
                    k.key,
                    Type.DOUBLE,
                    null,
                    unsetOrNonNegative,
                    Importance.LOW,
                    k.doc + " Default: from the SimCLR recipe for image.size.",
                    "SimCLR views",
                    ++order,
                    ConfigDef.Width.SHORT,
                    k.key);
        }
        return def;
    }

    /**
     * Builds the recipe for views of {@code size} from the defaults and the knobs set in {@code config}.
     *
     * @param config a configuration defined with {@link #define(ConfigDef)}
     * @param size side of every view
     * @return the validated recipe
     * @throws ConfigException if the knobs together are not a valid recipe
     */
    public static SimClrAugmentation augmentation(AbstractConfig config, int size) {
        SimClrAugmentationBuilder builder = SimClrAugmentationBuilder.forSize(size);
        for (SimClrKeys k : values()) {
            Double value = config.getDouble(k.key);
            if (value != null) {
                k.setter.accept(builder, value);
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid SimCLR view recipe (" + PREFIX + "* settings): " + e.getMessage());
        }
    }
}
