package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.FeatureMapEncoder;
import dev.autodidact.learner.model.ConvDecoder;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared body of the dense pretext methods (inpainting, colorization, denoising autoencoder): one encoder run up
 * to its spatial feature map ({@link FeatureMapEncoder}) and a {@link ConvDecoder} from that map, each its own
 * checkpoint section ({@link SslMethod#ENCODER_SECTION} holds the encoder alone, as every method publishes it;
 * {@link #DECODER} the decoder). The encoder's pooled features feed no head during training, so {@link #head()} is the
 * identity: the health monitor's projection std is then the std of the encoder's own L2-normalised features, and its
 * collapse threshold applies to them. Subclasses give the name, the inputs, the decoder, the loss and the example
 * checks.
 */
abstract class DenseMethod implements SslMethod {
    /** Checkpoint section of the decoder. */
    static final String DECODER = "decoder";

    /**
     * AdamW at 1e-3, as the contrastive methods; the projector sizes are not used (these methods have no projector).
     */
    static final Recipe RECIPE = new Recipe(Recipe.ADAMW, 1e-3, 1e-4, 128, 64);

    private final String name;
    private final FeatureMapEncoder encoderArchitecture;
    private final Networks networks;
    private final Block identityHead;

    /**
     * @param decoder the decoder for the encoder's map (the map's side and channels are the architecture's)
     * @throws IllegalArgumentException if the encoder gives no feature map, or the decoder does not fit it
     */
    DenseMethod(
            String name,
            NDManager manager,
            EncoderArchitecture architecture,
            Function<FeatureMapEncoder, ConvDecoder> decoder) {
        this.name = name;
        this.encoderArchitecture = FeatureMapEncoder.of(architecture, name);
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, encoderArchitecture.build(manager));
        Block decoderBlock = decoder.apply(encoderArchitecture).build();
        int side = mapSide();
        decoderBlock.initialize(manager, DataType.FLOAT32, new Shape(2, encoderArchitecture.mapChannels(), side, side));
        networks.trainable(DECODER, decoderBlock);
        this.identityHead = Blocks.identityBlock();
        identityHead.initialize(manager, DataType.FLOAT32, new Shape(2, architecture.featureDim()));
    }

    /** The method's hyper-parameters, added to the encoder's in the manifest. */
    abstract Map<String, String> settings();

    /** The encoder's architecture, with its feature map. */
    final FeatureMapEncoder encoderArchitecture() {
        return encoderArchitecture;
    }

    /** Side of the encoder's map for the canonical input. */
    final int mapSide() {
        return encoderArchitecture.mapSide(encoderArchitecture.inputSide());
    }

    /** The decoder's output for a batch of encoder inputs, both networks in training mode. */
    final NDArray decode(ParameterStore store, NDArray input) {
        NDArray map = encoderArchitecture.featureMap(store, networks.get(ENCODER_SECTION), input, true);
        return networks.forward(store, DECODER, map);
    }

    /** @throws IllegalArgumentException unless {@code batch} holds one array per name of {@link #inputs()} */
    final void requireInputs(NDList batch) {
        if (batch.size() != inputs().size()) {
            throw new IllegalArgumentException(name + " takes " + inputs() + ", got " + batch.size() + " arrays");
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Block encoder() {
        return networks.get(ENCODER_SECTION);
    }

    /** The identity on the encoder's pooled features (see the class comment). */
    @Override
    public final Block head() {
        return identityHead;
    }

    @Override
    public final List<Pair<String, Parameter>> trainableParameters() {
        return networks.trainableParameters();
    }

    @Override
    public final Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(encoderArchitecture.toMap());
        m.putAll(settings());
        return m;
    }

    @Override
    public final Map<String, byte[]> saveState() {
        return networks.save();
    }

    @Override
    public final void loadState(Map<String, byte[]> sections) {
        networks.load(sections);
    }

    /**
     * Array {@code name} of {@code example}, checked to be of type {@code dtype} and to cover the pixels of
     * {@code view.0}: shape [h, w] when {@code channels} is 0, else [h, w, channels].
     *
     * @throws IllegalArgumentException saying what differs
     */
    static Tensor pixelArray(Example example, String name, DType dtype, int channels) {
        Tensor view = example.array(ArrayNames.view(0));
        Tensor array = example.array(name);
        int rank = channels == 0 ? 2 : 3;
        boolean fits = array.dtype() == dtype
                && array.rank() == rank
                && array.dim(0) == view.dim(0)
                && array.dim(1) == view.dim(1)
                && (channels == 0 || array.dim(2) == channels);
        if (!fits) {
            String expected = channels == 0
                    ? "[" + view.dim(0) + ", " + view.dim(1) + "]"
                    : "[" + view.dim(0) + ", " + view.dim(1) + ", " + channels + "]";
            throw new IllegalArgumentException(
                    "'" + name + "' is " + array + ", expected " + dtype + " " + expected + " to match 'view.0'");
        }
        return array;
    }
}
