package dev.autodidact.schema.method;

import dev.autodidact.schema.Modality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every method a run may ask for, in the order help texts list them. Adding a method adds one entry here (what it
 * needs from the stream-app) and one spec in the learner's registry (how it learns); a test checks that the two agree.
 */
public final class MethodCatalog {
    private static final Set<Modality> IMAGE = Set.of(Modality.IMAGE);
    private static final Set<Modality> IMAGE_AND_AUDIO = Set.of(Modality.IMAGE, Modality.AUDIO);
    private static final Set<Modality> AUDIO = Set.of(Modality.AUDIO);
    private static final Map<String, MethodEntry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new MethodEntry(
                "simclr",
                IMAGE_AND_AUDIO,
                ExampleRecipe.TWO_VIEWS,
                "SimCLR (Chen et al. 2020): NT-Xent over two views, in-batch negatives"));
        add(new MethodEntry(
                "byol",
                IMAGE_AND_AUDIO,
                ExampleRecipe.TWO_VIEWS,
                "BYOL (Grill et al. 2020): predictor onto an EMA target, no negatives"));
        add(new MethodEntry(
                "moco",
                IMAGE,
                ExampleRecipe.TWO_VIEWS,
                "MoCo v2 (He et al. 2020; Chen et al. 2020): InfoNCE against a queue of momentum keys"));
        add(new MethodEntry(
                "dino",
                IMAGE,
                ExampleRecipe.MULTI_CROP,
                "DINO (Caron et al. 2021): self-distillation over global and local crops"));
        add(new MethodEntry(
                "simsiam",
                IMAGE,
                ExampleRecipe.TWO_VIEWS,
                "SimSiam (Chen and He 2021): predictor and stop-gradient, no EMA"));
        add(new MethodEntry(
                "barlow_twins",
                IMAGE,
                ExampleRecipe.TWO_VIEWS,
                "Barlow Twins (Zbontar et al. 2021): cross-correlation towards the identity"));
        add(new MethodEntry(
                "vicreg",
                IMAGE,
                ExampleRecipe.TWO_VIEWS,
                "VICReg (Bardes et al. 2022): variance, invariance and covariance terms"));
        add(new MethodEntry(
                "deepcluster",
                IMAGE,
                ExampleRecipe.TWO_VIEWS,
                "DeepCluster (Caron et al. 2018): k-means pseudo-labels of recent projections, predicted across "
                        + "views (DeepCluster-v2)"));
        add(new MethodEntry(
                "inpainting",
                IMAGE,
                ExampleRecipe.INPAINTING,
                "Context encoder (Pathak et al. 2016): paint an erased square back from its context"));
        add(new MethodEntry(
                "colorization",
                IMAGE,
                ExampleRecipe.COLORIZATION,
                "Colorization (Zhang et al. 2016): classify the colour of a grayscale view, cell by cell"));
        add(new MethodEntry(
                "denoising_ae",
                IMAGE,
                ExampleRecipe.DENOISING,
                "Denoising autoencoder (Vincent et al. 2008): reconstruct a view from a corrupted copy"));
        add(new MethodEntry(
                "rotnet",
                IMAGE,
                ExampleRecipe.ROTATION,
                "RotNet (Gidaris et al. 2018): predict which of 4 quarter turns each view was rotated by"));
        add(new MethodEntry(
                "jigsaw",
                IMAGE,
                ExampleRecipe.JIGSAW,
                "Jigsaw (Noroozi and Favaro 2016): predict which of a fixed set of permutations shuffled a view's"
                        + " tiles, each tile encoded on its own"));
        add(new MethodEntry(
                "mae",
                IMAGE_AND_AUDIO,
                ExampleRecipe.MASKED_PATCHES,
                "MAE (He et al. 2022): a ViT encodes the visible patches, a light decoder reconstructs the masked"
                        + " ones"));
        add(new MethodEntry(
                "cpc",
                AUDIO,
                ExampleRecipe.WAVEFORM,
                "CPC (van den Oord et al. 2018): an autoregressive context over latent frames predicts the frames"
                        + " ahead against negatives from other steps and clips"));
        add(new MethodEntry(
                "wav2vec2",
                AUDIO,
                ExampleRecipe.WAVEFORM,
                "wav2vec 2.0 (Baevski et al. 2020): a Transformer picks each masked latent frame among distractors"
                        + " (continuous targets, no quantizer)"));
    }

    private MethodCatalog() {}

    private static void add(MethodEntry entry) {
        if (ENTRIES.putIfAbsent(entry.name(), entry) != null) {
            throw new IllegalStateException("Method " + entry.name() + " listed twice");
        }
    }

    /** Every method, in catalogue order. */
    public static List<MethodEntry> all() {
        return List.copyOf(ENTRIES.values());
    }

    /** The names of every method, in catalogue order. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The names of the methods that learn from {@code modality}. */
    public static List<String> names(Modality modality) {
        return ENTRIES.values().stream()
                .filter(e -> e.supports(modality))
                .map(MethodEntry::name)
                .toList();
    }

    public static Optional<MethodEntry> find(String name) {
        return Optional.ofNullable(ENTRIES.get(name));
    }

    /** @throws IllegalArgumentException naming the known methods if there is no such method */
    public static MethodEntry get(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException("Unknown method '" + name + "'; known: " + names()));
    }
}
