package dev.autodidact.streams.internal;

import dev.autodidact.media.image.views.SimClrRecipe;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.method.MethodCatalog;
import dev.autodidact.schema.method.MethodEntry;
import dev.autodidact.streams.StreamAppConfig;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;

/**
 * The view recipes of the image modality, chosen by the {@link ExampleRecipe} each method names in the
 * {@link MethodCatalog}: {@link ExampleRecipe#TWO_VIEWS} draws SimCLR views ({@link SimClrRecipe}),
 * {@link ExampleRecipe#MULTI_CROP} DINO's global and local crops
 * ({@link dev.autodidact.media.image.views.MultiCropRecipe}), and the pretext kinds (masked patches, rotation, jigsaw,
 * inpainting, colorization, denoising) the {@code media} recipe of the same name with the knobs of
 * {@link PretextKeys}. The recipes themselves live in {@code media}, where the learner's replay buffer rebuilds them
 * from the spec each example carries; this class only maps the catalogue and the configuration onto them. A new method
 * that asks for one of these needs nothing here ({@link #forEntry} takes any {@link MethodEntry}, catalogued or not);
 * a new kind of example adds its recipe to {@code media}, its case here and its knobs to the configuration under its
 * own prefix.
 */
public final class ImageViewRecipes {
    /**
     * The two-view method whose view count is the {@code views} setting (default 2); every other two-view method gets
     * exactly 2 views, which is what its loss is written for.
     */
    public static final String VIEWS_SETTING_METHOD = "simclr";

    private ImageViewRecipes() {}

    /** @return the names of the catalogue's methods that learn from images, in catalogue order */
    public static List<String> names() {
        return MethodCatalog.names(Modality.IMAGE);
    }

    /**
     * @param method an SSL method name, e.g. {@code simclr}
     * @param config the configuration the recipe reads its knobs from
     * @return the recipe
     * @throws ConfigException if the catalogue has no such method, the method does not learn from images, or the
     *     image stream has no recipe for the kind of example it asks for
     */
    public static ViewRecipe forMethod(String method, StreamAppConfig config) {
        return forEntry(entry(method), config);
    }

    /**
     * @param method an SSL method name
     * @return its catalogue entry
     * @throws ConfigException naming the image methods if there is no such method or it does not learn from images
     */
    public static MethodEntry entry(String method) {
        MethodEntry entry = MethodCatalog.find(method)
                .orElseThrow(() -> new ConfigException("Unknown method '" + method + "'; image methods: " + names()));
        if (!entry.supports(Modality.IMAGE)) {
            throw new ConfigException("Method '" + method + "' does not learn from images; image methods: " + names());
        }
        return entry;
    }

    /**
     * @param entry a method that learns from images
     * @param config the configuration the recipe reads its knobs from
     * @return the recipe for the example the method asks for
     * @throws ConfigException if the image stream has no recipe for that kind of example
     */
    public static ViewRecipe forEntry(MethodEntry entry, StreamAppConfig config) {
        return switch (entry.recipe()) {
            case TWO_VIEWS -> twoViews(entry, config);
            case MULTI_CROP -> config.multiCrop();
            case MASKED_PATCHES, ROTATION, JIGSAW, INPAINTING, COLORIZATION, DENOISING ->
                PretextKeys.recipe(entry.recipe(), config, config.imageSize());
            default ->
                throw new ConfigException("Method '" + entry.name() + "' asks for '"
                        + entry.recipe().id() + "' examples, which the image stream-app cannot make");
        };
    }

    /**
     * Views drawn from the SimCLR recipe, for the two-view methods (SimCLR, BYOL, MoCo v2, SimSiam, Barlow Twins,
     * VICReg). Their papers use the same crop, flip, jitter and grayscale; BYOL's asymmetric blur (1.0 / 0.1) and
     * solarisation (0 / 0.2), which Barlow Twins and VICReg adopt, are skipped: blur is off at 32 pixels in the CIFAR
     * recipe, and there is no solarise transform yet.
     */
    private static ViewRecipe twoViews(MethodEntry entry, StreamAppConfig config) {
        int views = entry.name().equals(VIEWS_SETTING_METHOD) ? config.views() : 2;
        try {
            return new SimClrRecipe(config.simClrAugmentation(), views);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid view recipe for method '" + entry.name() + "': " + e.getMessage());
        }
    }
}
