package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Jigsaw puzzles (Noroozi and Favaro, "Unsupervised Learning of Visual Representations by Solving Jigsaw Puzzles",
 * ECCV 2016): the stream-app cuts each image into a grid of tiles and reassembles them in the order of permutation
 * number {@code t} of a fixed set chosen for maximal Hamming distance ({@code view.0}); the encoder and a
 * classification head predict {@code t} ({@code target}, i32 {@code [1]}) by cross-entropy over the whole set. The
 * paper's context-free network runs each tile through a shared encoder and concatenates the nine features; here the
 * encoder sees the reassembled image whole, so the published encoder is the same network every other method trains and
 * the embedder serves, at the cost of the seams between tiles being visible to it.
 *
 * <p>{@link #PERMUTATIONS_CONFIG} must equal the stream-app's {@code jigsaw.permutations}: a smaller value rejects the
 * examples whose index is out of range, a larger one trains logits no example ever names. Recipe: AdamW at 1e-3,
 * weight decay 1e-4, as for RotNet (the paper: SGD at 0.01); the head's size comes from {@link #HIDDEN_CONFIG}, not
 * {@code projection.*}.
 */
public final class JigsawMethod extends PretextClassifierMethod {
    public static final String NAME = "jigsaw";
    public static final String PERMUTATIONS_CONFIG = "jigsaw.permutations";
    public static final String HIDDEN_CONFIG = "jigsaw.head.hidden";
    public static final String LABEL_SMOOTHING_CONFIG = "jigsaw.label.smoothing";
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
                            ctx.settings().getInt(PERMUTATIONS_CONFIG),
                            ctx.settings().getInt(HIDDEN_CONFIG),
                            ctx.floatOf(LABEL_SMOOTHING_CONFIG))));

    private static final List<String> VIEWS = List.of(ArrayNames.view(0));
    private static final List<String> INPUTS = List.of(ArrayNames.view(0), ArrayNames.TARGET);

    private static ConfigDef define(ConfigDef def) {
        return def.define(
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
     * @param permutations size of the permutation set, the number of classes
     * @param hidden units of the classification head's hidden layer
     * @param labelSmoothing label smoothing of the cross-entropy, in [0, 1)
     */
    public record Settings(int permutations, int hidden, float labelSmoothing) {
        public Settings {
            if (permutations < 2 || permutations > MAX_PERMUTATIONS) {
                throw new IllegalArgumentException(
                        "Jigsaw permutations must be in [2, " + MAX_PERMUTATIONS + "], got " + permutations);
            }
        }
    }

    private final Settings settings;

    public JigsawMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        super(NAME, manager, architecture, settings.permutations(), settings.hidden(), settings.labelSmoothing());
        this.settings = settings;
    }

    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    @Override
    public List<String> canonicalInputs() {
        return VIEWS;
    }

    /** A {@code target} of one permutation index in {@code [0, permutations)}. */
    @Override
    public void checkExample(Example example) {
        checkTarget(NAME, example, 1, settings.permutations(), "a permutation index (jigsaw.permutations)");
    }

    @Override
    NDArray images(NDList batch) {
        return batch.get(0);
    }

    /** The (N, 1) target as (N). */
    @Override
    NDArray labels(NDList batch) {
        return target(batch).flatten();
    }

    @Override
    Map<String, String> settings() {
        return Map.of(
                PERMUTATIONS_CONFIG,
                Integer.toString(settings.permutations()),
                HIDDEN_CONFIG,
                Integer.toString(settings.hidden()),
                LABEL_SMOOTHING_CONFIG,
                Float.toString(settings.labelSmoothing()));
    }
}
