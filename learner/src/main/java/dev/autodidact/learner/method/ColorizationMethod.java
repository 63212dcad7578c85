package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.ColorBinLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.FeatureMapEncoder;
import dev.autodidact.learner.model.ConvDecoder;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Colorization (Zhang, Isola and Efros, "Colorful Image Colorization", ECCV 2016), in its classification form: the
 * grayscale view ({@code view.0}: CIE L* rendered back to sRGB gray in all three channels) goes through the encoder to
 * its spatial map, and a 1x1 convolution on the map predicts, for each cell, logits over a {@code q x q} grid of
 * chroma bins (default q = {@value #BINS_DEFAULT}, 256 classes). The target ({@code target}, f32 [h, w, 2]) is the
 * CIE Lab (D65) a* and b* of the colour view divided by 128, averaged over the pixels under each map cell (4x4 pixels
 * per cell at 32 px with three stages) and assigned to its bin; the loss is the cross-entropy per cell
 * ({@link ColorBinLoss}). Classifying instead of regressing keeps the plausible colours of an object apart rather
 * than averaging them into sepia. Class rebalancing (the paper's weighting of rare colours) and the soft encoding are
 * not used: they make the picture vivid, and the picture is not what this method is for. The head reads the map
 * linearly, so the colour information has to be in the encoder's features.
 */
public final class ColorizationMethod extends DenseMethod {
    public static final String NAME = "colorization";
    public static final String BINS_CONFIG = "colorization.bins";
    public static final int BINS_DEFAULT = 16;
    private static final String BINS_DOC =
            "Chroma bins per axis of CIE Lab (a*, b*) over [-128, 128]; the head predicts bins^2 classes per cell.";
    private static final List<String> INPUTS = List.of(ArrayNames.view(0), ArrayNames.TARGET);
    /** Chroma channels of the target: a* / 128 and b* / 128. */
    private static final int CHROMA = 2;

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            def -> def.define(
                    BINS_CONFIG,
                    Type.INT,
                    BINS_DEFAULT,
                    Range.between(2, ColorBinLoss.MAX_BINS),
                    Importance.MEDIUM,
                    BINS_DOC),
            ctx -> new ColorizationMethod(
                    ctx.manager(), ctx.encoder(), ctx.settings().getInt(BINS_CONFIG)));

    private final int bins;

    /**
     * @param bins chroma bins per axis, 2 to {@link ColorBinLoss#MAX_BINS}
     * @throws IllegalArgumentException if the encoder gives no feature map or its map side does not divide the input
     *     side
     */
    public ColorizationMethod(NDManager manager, EncoderArchitecture architecture, int bins) {
        super(NAME, manager, architecture, e -> head(e, bins));
        this.bins = bins;
    }

    private static ConvDecoder head(FeatureMapEncoder encoder, int bins) {
        if (bins < 2 || bins > ColorBinLoss.MAX_BINS) {
            throw new IllegalArgumentException(
                    "Colour bins per axis must be in [2, " + ColorBinLoss.MAX_BINS + "], got " + bins);
        }
        int side = encoder.mapSide(encoder.inputSide());
        if (encoder.inputSide() % side != 0) {
            throw new IllegalArgumentException("Colorization averages the target over the encoder's " + side + "x"
                    + side + " map, which does not divide a " + encoder.inputSide() + "-pixel input");
        }
        return ConvDecoder.perCell(bins * bins);
    }

    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    /** {@code target} f32 [h, w, 2] over the pixels of the view, every value finite and in [-1, 1]. */
    @Override
    public void checkExample(Example example) {
        Tensor target = pixelArray(example, ArrayNames.TARGET, DType.F32, CHROMA);
        for (float v : target.floats()) {
            if (!(v >= -1f && v <= 1f)) {
                throw new IllegalArgumentException("'target' holds " + v + ", expected a*/128 and b*/128 in [-1, 1]");
            }
        }
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        requireInputs(batch);
        NDArray logits = decode(store, batch.get(0));
        return ColorBinLoss.compute(logits, batch.get(1), bins);
    }

    @Override
    Map<String, String> settings() {
        return Map.of(BINS_CONFIG, Integer.toString(bins));
    }
}
