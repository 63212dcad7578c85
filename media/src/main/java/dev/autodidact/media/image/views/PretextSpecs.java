package dev.autodidact.media.image.views;

import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.internal.AugmentationSpec;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;

/**
 * The spec layout the pretext recipes share: {@code v1;<kind>}, the recipe's own fields, then its base augmentation's
 * fields under {@value #BASE_PREFIX}. Also the checks of the knobs their constructors and {@link ViewRecipes#parse}
 * apply alike.
 */
final class PretextSpecs {
    /** Prefix of the base augmentation's keys. */
    static final String BASE_PREFIX = "base.";

    private PretextSpecs() {}

    /** @return {@code v1;<kind>} followed by {@code fields} (key, value, key, value, ...) and the base augmentation */
    static String write(String kind, SimClrAugmentation base, String... fields) {
        StringBuilder out = new StringBuilder(ViewRecipes.VERSION).append(';').append(kind);
        for (int i = 0; i < fields.length; i += 2) {
            SpecFields.append(out, fields[i], fields[i + 1]);
        }
        AugmentationSpec.write(out, BASE_PREFIX, base);
        return out.toString();
    }

    /** @return {@code own} followed by the base augmentation's keys */
    static List<String> keys(List<String> own) {
        return ViewRecipes.concat(own, AugmentationSpec.keys(BASE_PREFIX));
    }

    /** @return the base augmentation of a pretext spec, its crop size at most {@link ViewRecipes#MAX_CROP_SIZE} */
    static SimClrAugmentation readBase(SpecFields fields) {
        return AugmentationSpec.read(fields, BASE_PREFIX, ViewRecipes.MAX_CROP_SIZE);
    }

    /**
     * @param kind the recipe's kind, for messages
     * @param base its base augmentation
     * @throws IllegalArgumentException if the crop size is over {@link ViewRecipes#MAX_CROP_SIZE} or a knob is not
     *     finite
     */
    static void checkBase(String kind, SimClrAugmentation base) {
        ViewRecipes.checkAugmentation(kind + " base ", base);
    }

    /**
     * @return {@code value}
     * @throws IllegalArgumentException unless {@code min <= value <= max} ({@code value} is then also finite)
     */
    static double checkRange(String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /**
     * @return {@code value}
     * @throws IllegalArgumentException unless {@code min <= value <= max}
     */
    static int checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }
}
