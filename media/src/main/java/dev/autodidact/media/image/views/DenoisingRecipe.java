package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Denoising-autoencoder examples (Vincent et al., "Extracting and Composing Robust Features with Denoising
 * Autoencoders", ICML 2008): one view of the base augmentation corrupted ({@code view.0}) and the view before
 * corruption as {@value RecipeArray#TARGET} (u8 {@code [h, w, 3]}). Corruption adds Gaussian noise of standard
 * deviation {@code noiseStd * 255} to every channel of every pixel (rounded and clipped to 0..255), then drops each
 * pixel with probability {@code drop}, setting all its channels to 0 (the paper's masking noise).
 *
 * <p>Every pixel draws its three noise values and its drop decision whatever the knobs, so the random stream does not
 * depend on them.
 *
 * <p>Spec: {@code v1;denoising;noise.std=<s>;drop=<p>;} followed by the base augmentation's keys prefixed
 * {@code base.} ({@link ViewRecipes}).
 *
 * @param base the augmentation of the view before corruption
 * @param noiseStd the noise's standard deviation as a fraction of the 0..255 range, finite and at least 0
 * @param drop the probability that a pixel is dropped, in {@code [0, 1]}
 */
public record DenoisingRecipe(SimClrAugmentation base, double noiseStd, double drop) implements ViewRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id {@code denoising}. */
    public static final String KIND = "denoising";

    static final String NOISE_STD_KEY = "noise.std";
    static final String DROP_KEY = "drop";

    /** Checks that the noise is finite and not negative and the drop rate a probability. */
    public DenoisingRecipe {
        PretextSpecs.checkBase(KIND, base);
        if (!(noiseStd >= 0 && Double.isFinite(noiseStd))) {
            throw new IllegalArgumentException("The noise std must be finite and at least 0, got " + noiseStd);
        }
        PretextSpecs.checkRange("The drop probability", drop, 0.0, 1.0);
        ViewRecipes.checkSpecLength(spec(base, noiseStd, drop));
    }

    @Override
    public RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        RgbImage view = base.pipeline().apply(image, rng);
        byte[] clean = view.pixels();
        byte[] noisy = new byte[clean.length];
        double sigma = noiseStd * 255;
        for (int i = 0; i < clean.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                long value = Math.round((clean[i + c] & 0xFF) + sigma * rng.nextGaussian());
                noisy[i + c] = (byte) Math.max(0, Math.min(255, value));
            }
            if (rng.nextDouble() < drop) {
                noisy[i] = 0;
                noisy[i + 1] = 0;
                noisy[i + 2] = 0;
            }
        }
        return new RecipeDraw(
                List.of(new RgbImage(view.width(), view.height(), noisy)),
                List.of(RecipeArray.u8(RecipeArray.TARGET, clean, view.height(), view.width(), 3)));
    }

    @Override
    public List<RgbImage> views(RgbImage image, RandomGenerator rng) {
        return draw(image, rng).views();
    }

    @Override
    public List<Integer> viewSides() {
        return List.of(base.cropSize());
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        int size = base.cropSize();
        return List.of(new RecipeArray.Layout(RecipeArray.TARGET, RecipeArray.ElementType.U8, List.of(size, size, 3)));
    }

    @Override
    public String spec() {
        return spec(base, noiseStd, drop);
    }

    private static String spec(SimClrAugmentation base, double noiseStd, double drop) {
        return PretextSpecs.write(
                KIND, base, NOISE_STD_KEY, Double.toString(noiseStd), DROP_KEY, Double.toString(drop));
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return PretextSpecs.keys(List.of(NOISE_STD_KEY, DROP_KEY));
    }

    /** Reads the fields after {@code v1;denoising}. */
    static DenoisingRecipe read(SpecFields fields) {
        double noiseStd = fields.number(NOISE_STD_KEY);
        double drop = fields.number(DROP_KEY);
        return new DenoisingRecipe(PretextSpecs.readBase(fields), noiseStd, drop);
    }
}
