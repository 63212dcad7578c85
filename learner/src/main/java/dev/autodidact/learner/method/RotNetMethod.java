package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * RotNet (Gidaris, Singh and Komodakis, "Unsupervised Representation Learning by Predicting Image Rotations", ICLR
 * 2018): each example holds four views ({@code view.0 ... view.3}), each rotated by {@code k} quarter turns
 * counter-clockwise, and the four {@code k} as {@code target} (i32 {@code [4]}, a permutation of 0..3). As in the
 * paper, all four rotations of an example are in one batch and one forward pass (batch norm sees all 4N views, and
 * every batch is balanced over the four classes, which the paper found better than one random rotation per image);
 * the encoder and a classification head predict {@code k} by cross-entropy. Unlike the paper, the four views are
 * independent crops of one image (the stream-app's {@code rotation} recipe) rather than one crop rotated four times.
 *
 * <p>Recipe: AdamW at 1e-3, weight decay 1e-4, the contrastive methods' defaults on this CPU setup, and the paper's
 * batch of 128 images (512 rotated views per step; the learner's default of 256 examples would make 1,024 and half
 * as many updates in the same time, with no negatives to gain from the larger batch). The paper trains
 * with SGD (lr 0.1, momentum 0.9, weight decay 5e-4, batch 128) for 100 epochs; a classification loss on 4N balanced
 * views is well-conditioned for Adam at its usual 1e-3, and it needs none of the large-batch tuning SGD at 0.1 would.
 */
public final class RotNetMethod extends PretextClassifierMethod {
    public static final String NAME = "rotnet";
    /** Quarter turns: 0, 90, 180 and 270 degrees. */
    public static final int ROTATIONS = 4;

    public static final String HIDDEN_CONFIG = "rotnet.head.hidden";
    public static final String LABEL_SMOOTHING_CONFIG = "rotnet.label.smoothing";

    /** The optimisation defaults; the head's size comes from {@link #HIDDEN_CONFIG}, not {@code projection.*}. */
    static final Recipe RECIPE = new Recipe(Recipe.ADAMW, 1e-3, 1e-4, 256, ROTATIONS, 128);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            RotNetMethod::define,
            ctx -> new RotNetMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(ctx.settings().getInt(HIDDEN_CONFIG), ctx.floatOf(LABEL_SMOOTHING_CONFIG))));

    private static final List<String> VIEWS = Views.names(ROTATIONS);
    private static final List<String> INPUTS = inputs(VIEWS);

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        HIDDEN_CONFIG,
                        Type.INT,
                        256,
                        Range.between(1, 65536),
                        Importance.LOW,
                        "RotNet classification head hidden units (linear, batch norm, ReLU, then linear to 4).")
                .define(
                        LABEL_SMOOTHING_CONFIG,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0, 0.99),
                        Importance.LOW,
                        "RotNet label smoothing of the rotation cross-entropy (0: none, as in the paper).");
    }

    /**
     * @param hidden units of the classification head's hidden layer
     * @param labelSmoothing label smoothing of the cross-entropy, in [0, 1)
     */
    public record Settings(int hidden, float labelSmoothing) {}

    private final Settings settings;

    public RotNetMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        super(NAME, manager, architecture, ROTATIONS, settings.hidden(), settings.labelSmoothing(), 1);
        this.settings = settings;
    }

    private static List<String> inputs(List<String> views) {
        List<String> names = new ArrayList<>(views);
        names.add(ArrayNames.TARGET);
        return List.copyOf(names);
    }

    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    @Override
    public List<String> canonicalInputs() {
        return VIEWS;
    }

    /** A {@code target} of four quarter-turn counts, each in 0..3. */
    @Override
    public void checkExample(Example example) {
        checkTarget(NAME, example, ROTATIONS, ROTATIONS, "a number of quarter turns");
    }

    /** The four views stacked view by view: rows {@code v*N .. v*N+N-1} are view {@code v} of every example. */
    @Override
    NDArray images(NDList batch) {
        NDList views = new NDList(ROTATIONS);
        for (int v = 0; v < ROTATIONS; v++) {
            views.add(batch.get(v));
        }
        return NDArrays.concat(views, 0);
    }

    /** The (N, 4) target read column by column, the order {@link #images} stacks the views in. */
    @Override
    NDArray labels(NDList batch) {
        return target(batch).transpose().flatten();
    }

    @Override
    Map<String, String> settings() {
        return Map.of(
                HIDDEN_CONFIG,
                Integer.toString(settings.hidden()),
                LABEL_SMOOTHING_CONFIG,
                Float.toString(settings.labelSmoothing()));
    }
}
