package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Jigsaw puzzles with the context-free network of Noroozi and Favaro ("Unsupervised Learning of Visual Representations
 * by Solving Jigsaw Puzzles", ECCV 2016): the stream-app cuts each image into {@code grid x grid} tiles and writes them
 * as separate views in the order of permutation number {@code t} of a fixed set chosen for maximal Hamming distance
 * ({@code view.i} is the tile the permutation puts at position {@code i}), with {@code t} as {@code target} (i32
 * {@code [1]}). Every tile of the batch goes through the shared encoder in one forward pass (batch norm sees all
 * {@code N * grid^2} tiles); each example's {@code grid^2} features are concatenated in position order and a head
 * (linear to {@link #HIDDEN_CONFIG} units, batch norm, ReLU, linear) predicts {@code t} by cross-entropy over the whole
 * set. The encoder thus learns from natural image patches, as it is later probed on natural whole images; an earlier
 * variant that fed it the tiles reassembled into one mosaic with gray gaps probed worse than a random encoder (linear
 * probe 0.453 against 0.470 after 5 minutes on CIFAR-10).
 *
 * <p>The tiles are smaller than the canonical input (16 pixels by default, the stream-app's {@code jigsaw.tile.size}),
 * so none of the inputs is canonical; the conv encoder takes square crops from 8 pixels up to its input size, the ViT
 * only its input size. {@link #head()} is the identity: the puzzle head reads {@code grid^2} features at once, while
 * checkpoint health feeds it the features of single clean images. The published {@code encoder} section is the encoder
 * alone; the puzzle head is saved as sections {@code head} and {@code classifier}.
 *
 * <p>{@link #GRID_CONFIG} and {@link #PERMUTATIONS_CONFIG} must equal the stream-app's {@code jigsaw.grid} and
 * {@code jigsaw.permutations} ({@code pretrain} forwards them to both): an example with another number of tiles, or an
 * index out of range, is rejected. Recipe: AdamW at 1e-3, weight decay 1e-4, as for RotNet (the paper: SGD at 0.01);
 * the head's size comes from {@link #HIDDEN_CONFIG}, not {@code projection.*}.
 */
public final class JigsawMethod extends PretextClassifierMethod {
    public static final String NAME = "jigsaw";
    public static final String GRID_CONFIG = "jigsaw.grid";
    public static final String PERMUTATIONS_CONFIG = "jigsaw.permutations";
    public static final String HIDDEN_CONFIG = "jigsaw.head.hidden";
    public static final String LABEL_SMOOTHING_CONFIG = "jigsaw.label.smoothing";
    /** The stream-app's default number of tiles per side. */
    public static final int GRID_DEFAULT = 3;
    /** The most tiles per side, as in the stream-app. */
    public static final int MAX_GRID = 8;
    /** The stream-app's default size of the permutation set. */
    public static final int PERMUTATIONS_DEFAULT = 100;
    /** The most permutations a configuration may ask for, and so the widest head (the paper's largest set: 1000). */
    public static final int MAX_PERMUTATIONS = 10_000;

    static final Recipe RECIPE = new Recipe(Recipe.ADAMW, 1e-3, 1e-4, 256, PERMUTATIONS_DEFAULT);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            JigsawMethod::define,
            ctx -> new JigsawMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.settings().getInt(GRID_CONFIG),
                            ctx.settings().getInt(PERMUTATIONS_CONFIG),
                            ctx.settings().getInt(HIDDEN_CONFIG),
                            ctx.floatOf(LABEL_SMOOTHING_CONFIG))));

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        GRID_CONFIG,
                        Type.INT,
                        GRID_DEFAULT,
                        Range.between(2, MAX_GRID),
                        Importance.HIGH,
                        "Jigsaw tiles per side: each example holds grid^2 tile views, whose features the head reads"
                                + " side by side; must equal the stream-app's jigsaw.grid (examples with another"
                                + " number of tiles are rejected).")
                .define(
                        PERMUTATIONS_CONFIG,
                        Type.INT,
                        PERMUTATIONS_DEFAULT,
                        Range.between(2, MAX_PERMUTATIONS),
                        Importance.HIGH,
                        "Jigsaw permutation set size, the number of classes the head tells apart; must equal the "
                                + "stream-app's jigsaw.permutations (examples with a larger index are rejected).")
                .define(
                        HIDDEN_CONFIG,
                        Type.INT,
                        256,
                        Range.between(1, 65536),
                        Importance.LOW,
                        "Jigsaw classification head hidden units (linear, batch norm, ReLU, then linear to "
                                + "jigsaw.permutations).")
                .define(
                        LABEL_SMOOTHING_CONFIG,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0, 0.99),
                        Importance.LOW,
                        "Jigsaw label smoothing of the permutation cross-entropy (0: none, as in the paper).");
    }

    /**
     * @param grid tiles per side, 2 to {@value #MAX_GRID}; an example holds {@code grid^2} tile views
     * @param permutations size of the permutation set, the number of classes
     * @param hidden units of the classification head's hidden layer
     * @param labelSmoothing label smoothing of the cross-entropy, in [0, 1)
     */
    public record Settings(int grid, int permutations, int hidden, float labelSmoothing) {
        public Settings {
            if (grid < 2 || grid > MAX_GRID) {
                throw new IllegalArgumentException("Jigsaw grid must be in [2, " + MAX_GRID + "], got " + grid);
            }
            if (permutations < 2 || permutations > MAX_PERMUTATIONS) {
                throw new IllegalArgumentException(
                        "Jigsaw permutations must be in [2, " + MAX_PERMUTATIONS + "], got " + permutations);
            }
        }
    }

    private final Settings settings;
    private final int tiles;
    private final List<String> inputs;

    public JigsawMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        super(
                NAME,
                manager,
                architecture,
                settings.permutations(),
                settings.hidden(),
                settings.labelSmoothing(),
                settings.grid() * settings.grid());
        this.settings = settings;
        this.tiles = settings.grid() * settings.grid();
        List<String> names = new ArrayList<>(Views.names(tiles));
        names.add(ArrayNames.TARGET);
        this.inputs = List.copyOf(names);
    }

    /** {@code view.0 .. view.(grid^2 - 1)}, then {@code target}. */
    @Override
    public List<String> inputs() {
        return inputs;
    }

    /** None: the tiles are smaller than the encoder's canonical input. */
    @Override
    public List<String> canonicalInputs() {
        return List.of();
    }

    /**
     * Exactly {@code grid^2} tile views, square and of one size (a stream-app with another {@code jigsaw.grid} would
     * otherwise be trained on the wrong tiles), and a {@code target} of one permutation index in
     * {@code [0, permutations)}.
     */
    @Override
    public void checkExample(Example example) {
        int count = example.viewCount();
        if (count != tiles) {
            throw new IllegalArgumentException(NAME + " needs " + tiles + " tile views (" + GRID_CONFIG + " "
                    + settings.grid() + "), the example has " + count + ": the stream-app's jigsaw.grid differs");
        }
        Tensor first = example.array(ArrayNames.view(0));
        for (int i = 0; i < tiles; i++) {
            Tensor tile = example.array(ArrayNames.view(i));
            if (tile.rank() != 3 || tile.dim(0) != tile.dim(1) || !Arrays.equals(tile.shape(), first.shape())) {
                throw new IllegalArgumentException(NAME + " needs square tiles of one size, '" + ArrayNames.view(i)
                        + "' is " + tile + " and '" + ArrayNames.view(0) + "' " + first);
            }
        }
        checkTarget(NAME, example, 1, settings.permutations(), "a permutation index (jigsaw.permutations)");
    }

    /**
     * The tiles example by example: rows {@code n * grid^2 .. n * grid^2 + grid^2 - 1} are the tiles of example
     * {@code n} in position order, so that the encoder's features reshape to one row per example.
     */
    @Override
    NDArray images(NDList batch) {
        NDList tileViews = new NDList(tiles);
        for (int i = 0; i < tiles; i++) {
            tileViews.add(batch.get(i));
        }
        NDArray stacked = NDArrays.stack(tileViews, 1);
        Shape shape = stacked.getShape();
        return stacked.reshape(new Shape(-1).addAll(shape.slice(2)));
    }

    /** The (N, 1) target as (N). */
    @Override
    NDArray labels(NDList batch) {
        return target(batch).flatten();
    }

    @Override
    Map<String, String> settings() {
        return Map.of(
                GRID_CONFIG,
                Integer.toString(settings.grid()),
                PERMUTATIONS_CONFIG,
                Integer.toString(settings.permutations()),
                HIDDEN_CONFIG,
                Integer.toString(settings.hidden()),
                LABEL_SMOOTHING_CONFIG,
                Float.toString(settings.labelSmoothing()));
    }
}
