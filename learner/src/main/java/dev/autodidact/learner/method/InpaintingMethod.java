package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.ReconstructionLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.BottleneckDecoder;
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
 * Context encoder (Pathak et al., "Context Encoders: Feature Learning by Inpainting", CVPR 2016): a view with one
 * square region erased ({@code view.0}, the region filled with mid-gray) goes through the encoder, a decoder paints
 * the whole image back, and {@link ReconstructionLoss#masked} scores it against the view before erasing
 * ({@code target}) in the encoder's normalised pixel space: the mean squared error over the erased region
 * ({@code mask} = 1) plus {@value #CONTEXT_WEIGHT_DEFAULT} of it over the rest. The context term stands in for the
 * paper's overlapping border (predicted too, weighted 10x there) so that the decoder's output stays continuous with
 * the visible image. The paper's adversarial term (weight 0.001 against 0.999 for reconstruction, with a
 * discriminator network) is left out: it makes the picture sharp rather than the features better (the paper's
 * feature-learning experiments train with the reconstruction loss alone), and a discriminator would double the cost of
 * a step.
 *
 * <p>The paper passes everything through a bottleneck (a channel-wise fully connected layer) so that the code must
 * describe the scene; here the bottleneck is, by default ({@link Bottleneck#POOLED}), the encoder's pooled feature
 * vector, the representation that is published and probed, decoded by a {@link BottleneckDecoder}.
 * {@code inpainting.bottleneck=map} decodes the spatial map with a {@link ConvDecoder} instead, for ablation: there
 * the erased square can be filled by propagating texture from neighbouring cells, and the pooled features learned
 * nothing a linear probe could use (CIFAR-10, 5 minutes: no better than a random encoder).
 */
public final class InpaintingMethod extends DenseMethod {
    public static final String NAME = "inpainting";
    public static final String CONTEXT_WEIGHT_CONFIG = "inpainting.context.weight";
    public static final double CONTEXT_WEIGHT_DEFAULT = 0.1;
    private static final String CONTEXT_WEIGHT_DOC =
            "Weight of the squared error on the visible (not erased) pixels, relative to the erased region's.";
    public static final String DECODER_WIDTH_CONFIG = "inpainting.decoder.width";
    static final int DECODER_WIDTH_DEFAULT = 32;
    public static final String BOTTLENECK_CONFIG = "inpainting.bottleneck";
    public static final Bottleneck BOTTLENECK_DEFAULT = Bottleneck.POOLED;
    private static final List<String> INPUTS = List.of(ArrayNames.view(0), ArrayNames.MASK, ArrayNames.TARGET);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            def -> defineDecoder(
                    def.define(
                            CONTEXT_WEIGHT_CONFIG,
                            Type.DOUBLE,
                            CONTEXT_WEIGHT_DEFAULT,
                            Range.between(0, 10),
                            Importance.MEDIUM,
                            CONTEXT_WEIGHT_DOC),
                    DECODER_WIDTH_CONFIG,
                    DECODER_WIDTH_DEFAULT,
                    BOTTLENECK_CONFIG,
                    BOTTLENECK_DEFAULT),
            ctx -> new InpaintingMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    Bottleneck.of(ctx.settings().getString(BOTTLENECK_CONFIG)),
                    ctx.settings().getInt(DECODER_WIDTH_CONFIG),
                    ctx.floatOf(CONTEXT_WEIGHT_CONFIG)));

    private final int decoderWidth;
    private final float contextWeight;

    /**
     * @param bottleneck what the decoder reads of the encoder
     * @param decoderWidth channels of the decoder's first step
     * @param contextWeight weight of the visible pixels' error
     * @throws IllegalArgumentException if the encoder lacks what the bottleneck needs (its input's pixels; for
     *     {@code map}, its feature map) or the decoder cannot reach its input side by doublings
     */
    public InpaintingMethod(
            NDManager manager,
            EncoderArchitecture architecture,
            Bottleneck bottleneck,
            int decoderWidth,
            float contextWeight) {
        super(NAME, manager, architecture, BOTTLENECK_CONFIG, bottleneck, decoderWidth);
        if (!(contextWeight >= 0)) {
            throw new IllegalArgumentException("Context weight must be at least 0, got " + contextWeight);
        }
        this.decoderWidth = decoderWidth;
        this.contextWeight = contextWeight;
    }

    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    /** {@code mask} u8 [h, w] of 0s and 1s and {@code target} u8 [h, w, 3], both over the pixels of the view. */
    @Override
    public void checkExample(Example example) {
        Tensor mask = pixelArray(example, ArrayNames.MASK, DType.U8, 0);
        pixelArray(example, ArrayNames.TARGET, DType.U8, pixels().inputChannels());
        for (byte b : mask.bytes()) {
            if (b != 0 && b != 1) {
                throw new IllegalArgumentException("'mask' holds " + (b & 0xFF) + ", expected 0 or 1");
            }
        }
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        requireInputs(batch);
        NDArray prediction = decode(store, batch.get(0));
        NDArray target = pixels().normalize(batch.get(2));
        return ReconstructionLoss.masked(prediction, target, batch.get(1), contextWeight);
    }

    @Override
    Map<String, String> settings() {
        return Map.of(
                CONTEXT_WEIGHT_CONFIG, Float.toString(contextWeight),
                DECODER_WIDTH_CONFIG, Integer.toString(decoderWidth));
    }
}
