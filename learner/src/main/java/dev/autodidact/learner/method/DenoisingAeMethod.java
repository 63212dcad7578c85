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
import java.util.List;
import java.util.Map;

/**
 * Denoising autoencoder (Vincent et al., "Extracting and Composing Robust Features with Denoising Autoencoders", ICML
 * 2008), convolutional: a corrupted view ({@code view.0}: additive Gaussian noise and dropped pixels, made by the
 * stream-app) goes through the encoder, a decoder reconstructs the clean view, and the loss is the mean squared error
 * over every pixel against the view before corruption ({@code target}) in the encoder's normalised pixel space
 * ({@link ReconstructionLoss#meanSquared}). To undo the corruption the encoder must model what natural images look
 * like, not copy its input. As in the classic autoencoder, the decoder reads a code by default: the encoder's pooled
 * features ({@link Bottleneck#POOLED}, a {@link BottleneckDecoder}), the representation that is probed; a decoder of
 * the spatial map ({@code denoising_ae.bottleneck=map}, a {@link ConvDecoder}) could denoise by local filtering
 * alone, and is kept for ablation.
 */
public final class DenoisingAeMethod extends DenseMethod {
    public static final String NAME = "denoising_ae";
    public static final String DECODER_WIDTH_CONFIG = "denoising_ae.decoder.width";
    static final int DECODER_WIDTH_DEFAULT = 32;
    public static final String BOTTLENECK_CONFIG = "denoising_ae.bottleneck";
    public static final Bottleneck BOTTLENECK_DEFAULT = Bottleneck.POOLED;
    private static final List<String> INPUTS = List.of(ArrayNames.view(0), ArrayNames.TARGET);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            def -> defineDecoder(
                    def, DECODER_WIDTH_CONFIG, DECODER_WIDTH_DEFAULT, BOTTLENECK_CONFIG, BOTTLENECK_DEFAULT),
            ctx -> new DenoisingAeMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    Bottleneck.of(ctx.settings().getString(BOTTLENECK_CONFIG)),
                    ctx.settings().getInt(DECODER_WIDTH_CONFIG)));

    private final int decoderWidth;

    /**
     * @param bottleneck what the decoder reads of the encoder
     * @param decoderWidth channels of the decoder's first step
     * @throws IllegalArgumentException if the encoder lacks what the bottleneck needs (its input's pixels; for
     *     {@code map}, its feature map) or the decoder cannot reach its input side by doublings
     */
    public DenoisingAeMethod(
            NDManager manager, EncoderArchitecture architecture, Bottleneck bottleneck, int decoderWidth) {
        super(NAME, manager, architecture, BOTTLENECK_CONFIG, bottleneck, decoderWidth);
        this.decoderWidth = decoderWidth;
    }

    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    /** {@code target} u8 [h, w, 3] over the pixels of the view. */
    @Override
    public void checkExample(Example example) {
        pixelArray(example, ArrayNames.TARGET, DType.U8, pixels().inputChannels());
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        requireInputs(batch);
        NDArray prediction = decode(store, batch.get(0));
        return ReconstructionLoss.meanSquared(prediction, pixels().normalize(batch.get(1)));
    }

    @Override
    Map<String, String> settings() {
        return Map.of(DECODER_WIDTH_CONFIG, Integer.toString(decoderWidth));
    }
}
