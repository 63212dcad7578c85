package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.ReconstructionLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.ConvDecoder;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Denoising autoencoder (Vincent et al., "Extracting and Composing Robust Features with Denoising Autoencoders", ICML
 * 2008), convolutional: a corrupted view ({@code view.0}: additive Gaussian noise and dropped pixels, made by the
 * stream-app) goes through the encoder to its spatial map, a {@link ConvDecoder} reconstructs the clean view, and the
 * loss is the mean squared error over every pixel against the view before corruption ({@code target}) in the encoder's
 * normalised pixel space ({@link ReconstructionLoss#meanSquared}). To undo the corruption the encoder must model what
 * natural images look like, not copy its input.
 */
public final class DenoisingAeMethod extends DenseMethod {
    public static final String NAME = "denoising_ae";
    public static final String DECODER_WIDTH_CONFIG = "denoising_ae.decoder.width";
    private static final String DECODER_WIDTH_DOC =
            "Channels of the decoder's first upsampling step; each further step halves them.";
    static final int DECODER_WIDTH_DEFAULT = 32;
    private static final List<String> INPUTS = List.of(ArrayNames.view(0), ArrayNames.TARGET);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            def -> def.define(
                    DECODER_WIDTH_CONFIG,
                    Type.INT,
                    DECODER_WIDTH_DEFAULT,
                    Range.between(1, 1024),
                    Importance.LOW,
                    DECODER_WIDTH_DOC),
            ctx -> new DenoisingAeMethod(
                    ctx.manager(), ctx.encoder(), ctx.settings().getInt(DECODER_WIDTH_CONFIG)));

    private final int decoderWidth;

    /**
     * @param decoderWidth channels of the decoder's first step
     * @throws IllegalArgumentException if the encoder gives no feature map or its input side is not the map's side
     *     times a power of two
     */
    public DenoisingAeMethod(NDManager manager, EncoderArchitecture architecture, int decoderWidth) {
        super(
                NAME,
                manager,
                architecture,
                e -> ConvDecoder.toSide(e.mapSide(e.inputSide()), e.inputSide(), decoderWidth, e.inputChannels()));
        this.decoderWidth = decoderWidth;
    }

    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    /** {@code target} u8 [h, w, 3] over the pixels of the view. */
    @Override
    public void checkExample(Example example) {
        pixelArray(example, ArrayNames.TARGET, DType.U8, encoderArchitecture().inputChannels());
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        requireInputs(batch);
        NDArray prediction = decode(store, batch.get(0));
        return ReconstructionLoss.meanSquared(prediction, encoderArchitecture().normalize(batch.get(1)));
    }

    @Override
    Map<String, String> settings() {
        return Map.of(DECODER_WIDTH_CONFIG, Integer.toString(decoderWidth));
    }
}
