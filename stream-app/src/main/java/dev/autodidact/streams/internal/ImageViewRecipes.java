package dev.autodidact.streams.internal;

import dev.autodidact.streams.StreamAppConfig;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;

/**
 * The view recipes of the image modality, by SSL method name: two SimCLR views for the two-view methods, multi-crop
 * for {@code dino}. A new method (rotation, jigsaw, ...) plugs in by adding its name and a factory here, and its knobs
 * to the configuration under its own prefix.
 */
public final class ImageViewRecipes {
    private static final Map<String, Function<StreamAppConfig, ViewRecipe>> FACTORIES = new TreeMap<>(Map.of(
            "simclr", config -> new SimClrRecipe(config.simClrAugmentation(), config.views()),
            "byol", ImageViewRecipes::twoViews,
            "moco", ImageViewRecipes::twoViews,
            "simsiam", ImageViewRecipes::twoViews,
            "barlow_twins", ImageViewRecipes::twoViews,
            "vicreg", ImageViewRecipes::twoViews,
            "dino", StreamAppConfig::multiCrop));

    private ImageViewRecipes() {
    }

    /**
     * Two views drawn from the SimCLR recipe, for the two-view methods (BYOL, MoCo v2, SimSiam, Barlow Twins,
     * VICReg). Their papers use the same crop, flip, jitter and grayscale; BYOL's asymmetric blur (1.0 / 0.1) and
     * solarisation (0 / 0.2), which Barlow Twins and VICReg adopt, are skipped: blur is off at 32 pixels in the CIFAR
     * recipe, and there is no solarise transform yet.
     */
    private static ViewRecipe twoViews(StreamAppConfig config) {
        return new SimClrRecipe(config.simClrAugmentation(), 2);
    }

    /** @return the method names that have an image recipe, sorted */
    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    /**
     * @param method an SSL method name, e.g. {@code simclr}
     * @param config the configuration the recipe reads its knobs from
     * @return the recipe
     * @throws ConfigException if no recipe has that name
     */
    public static ViewRecipe forMethod(String method, StreamAppConfig config) {
        Function<StreamAppConfig, ViewRecipe> factory = FACTORIES.get(method);
        if (factory == null) {
            throw new ConfigException("No image view recipe for method '" + method + "'; known: " + names());
        }
        return factory.apply(config);
    }
}
