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
import dev.autodidact.learner.modality.PixelEncoder;
import dev.autodidact.learner.model.BottleneckDecoder;
import dev.autodidact.learner.model.ConvDecoder;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The shared body of the dense pretext methods (inpainting, colorization, denoising autoencoder): one encoder and one
 * decoder, each its own checkpoint section ({@link SslMethod#ENCODER_SECTION} holds the encoder alone, as every
 * method publishes it; {@link #DECODER} the decoder). The decoder reads what the method's {@link Bottleneck} says: the
 * encoder's spatial feature map ({@link FeatureMapEncoder}) through a {@link ConvDecoder}, or its pooled features, the
 * very output it publishes, through a {@link BottleneckDecoder} (which needs only a {@link PixelEncoder}). The
 * encoder's pooled features feed no head during training, so {@link #head()} is the identity: the health monitor's
 * projection std is then the std of the encoder's own L2-normalised features, and its collapse threshold applies to
 * them. Subclasses give the name, the inputs, the decoder, the loss and the example checks.
 */
abstract class DenseMethod implements SslMethod {
    /** Checkpoint section of the decoder. */
    static final String DECODER = "decoder";

    /**
     * AdamW at 1e-3, as the contrastive methods; the projector sizes are not used (these methods have no projector).
     */
    static final Recipe RECIPE = new Recipe(Recipe.ADAMW, 1e-3, 1e-4, 128, 64);

    private final String name;
    private final PixelEncoder pixels;
    /** The encoder's map interface; null when the decoder reads the pooled features. */
    private final FeatureMapEncoder map;
    /** The setting that chose the bottleneck, recorded in {@link #architecture()}; null when there is no choice. */
    private final String bottleneckConfig;

    private final Bottleneck bottleneck;
    private final Networks networks;
    private final Block identityHead;

    /**
     * A method whose decoder reads the spatial map, with no other choice (colorization's per-cell head).
     *
     * @param decoder the decoder for the encoder's map (the map's side and channels are the architecture's)
     * @throws IllegalArgumentException if the encoder gives no feature map, or the decoder does not fit it
     */
    DenseMethod(
            String name,
            NDManager manager,
            EncoderArchitecture architecture,
            Function<FeatureMapEncoder, ConvDecoder> decoder) {
        this.name = name;
        this.bottleneck = Bottleneck.MAP;
        this.bottleneckConfig = null;
        this.map = FeatureMapEncoder.of(architecture, name);
        this.pixels = map;
        int side = map.mapSide(map.inputSide());
        this.networks = networks(
                manager, architecture, decoder.apply(map).build(), new Shape(2, map.mapChannels(), side, side));
        this.identityHead = identity(manager, architecture);
    }

    /**
     * A method that reconstructs the encoder's input pixels (inpainting, denoising), from the bottleneck of its
     * setting {@code bottleneckConfig}: a {@link BottleneckDecoder} from the pooled features, or a {@link ConvDecoder}
     * from the map, of first-step width {@code decoderWidth} either way.
     *
     * @throws IllegalArgumentException if the encoder lacks what the bottleneck needs (its input's pixels for
     *     {@code pooled}, its feature map for {@code map}), or its input side is not reachable by doublings
     */
    DenseMethod(
            String name,
            NDManager manager,
            EncoderArchitecture architecture,
            String bottleneckConfig,
            Bottleneck bottleneck,
            int decoderWidth) {
        this.name = name;
        this.bottleneck = Objects.requireNonNull(bottleneck, "bottleneck");
        this.bottleneckConfig = bottleneckConfig;
        this.map = bottleneck == Bottleneck.MAP ? mapOf(architecture, name, bottleneckConfig) : null;
        this.pixels = map != null ? map : PixelEncoder.of(architecture, name);
        if (map != null) {
            int side = map.mapSide(map.inputSide());
            Block decoder = ConvDecoder.toSide(side, map.inputSide(), decoderWidth, map.inputChannels())
                    .build();
            this.networks = networks(manager, architecture, decoder, new Shape(2, map.mapChannels(), side, side));
        } else {
            Block decoder = BottleneckDecoder.toSide(pixels.inputSide(), decoderWidth, pixels.inputChannels())
                    .build();
            this.networks = networks(manager, architecture, decoder, new Shape(2, architecture.featureDim()));
        }
        this.identityHead = identity(manager, architecture);
    }

    /**
     * The encoder and {@code decoder}, initialised for input of shape {@code decoderInput}, in that order of sections.
     * Callers build the decoder first, so that one that cannot fit fails before any weights are allocated.
     */
    private static Networks networks(
            NDManager manager, EncoderArchitecture architecture, Block decoder, Shape decoderInput) {
        Networks networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        decoder.initialize(manager, DataType.FLOAT32, decoderInput);
        networks.trainable(DECODER, decoder);
        return networks;
    }

    private static FeatureMapEncoder mapOf(EncoderArchitecture architecture, String name, String bottleneckConfig) {
        try {
            return FeatureMapEncoder.of(architecture, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage() + "; " + bottleneckConfig + "=" + Bottleneck.POOLED.id()
                            + " decodes from its pooled features instead",
                    e);
        }
    }

    private static Block identity(NDManager manager, EncoderArchitecture architecture) {
        Block head = Blocks.identityBlock();
        head.initialize(manager, DataType.FLOAT32, new Shape(2, architecture.featureDim()));
        return head;
    }

    /**
     * Adds a pixel-decoding method's decoder settings to {@code def}: the width of the decoder's first step and what
     * it reads of the encoder ({@link Bottleneck}).
     */
    static ConfigDef defineDecoder(
            ConfigDef def, String widthKey, int widthDefault, String bottleneckKey, Bottleneck bottleneckDefault) {
        return def.define(
                        widthKey,
                        ConfigDef.Type.INT,
                        widthDefault,
                        ConfigDef.Range.between(1, 1024),
                        ConfigDef.Importance.LOW,
                        "Channels of the decoder's first upsampling step; each further step halves them.")
                .define(
                        bottleneckKey,
                        ConfigDef.Type.STRING,
                        bottleneckDefault.id(),
                        ConfigDef.ValidString.in(Bottleneck.ids()),
                        ConfigDef.Importance.MEDIUM,
                        "What the decoder reads: 'pooled', the encoder's pooled features (the representation that "
                                + "is embedded and probed), through a linear seed to a 4x4 map at 32 px; or 'map', "
                                + "its spatial feature map before pooling, for ablation (on CIFAR-10 a map decoder "
                                + "left the pooled features no better than a random encoder's under the linear "
                                + "probe).");
    }

    /** The method's hyper-parameters, added to the encoder's in the manifest. */
    abstract Map<String, String> settings();

    /** The encoder's architecture, as far as its input pixels go (side, channels, normalisation of targets). */
    final PixelEncoder pixels() {
        return pixels;
    }

    /**
     * The decoder's output for a batch of encoder inputs, both networks in training mode: from the encoder's map, or
     * from its pooled features (its ordinary forward pass).
     */
    final NDArray decode(ParameterStore store, NDArray input) {
        NDArray code = map != null
                ? map.featureMap(store, networks.get(ENCODER_SECTION), input, true)
                : networks.forward(store, ENCODER_SECTION, input);
        return networks.forward(store, DECODER, code);
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

    /** The encoder's entries, the method's settings and, where there is a choice, the bottleneck. */
    @Override
    public final Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(pixels.toMap());
        m.putAll(settings());
        if (bottleneckConfig != null) {
            m.put(bottleneckConfig, bottleneck.id());
        }
        return m;
    }

    /**
     * Refuses a checkpoint whose decoder read the other bottleneck: the two decoders have different layers. A
     * checkpoint without the entry was written before the choice existed, when every dense decoder read the map.
     */
    @Override
    public final void checkCheckpoint(Map<String, String> architecture) {
        if (bottleneckConfig == null) {
            return;
        }
        String saved = architecture.getOrDefault(bottleneckConfig, Bottleneck.MAP.id());
        if (!saved.equals(bottleneck.id())) {
            throw new IllegalStateException("The checkpoint's " + name + " decoder was trained with " + bottleneckConfig
                    + "=" + saved + ", this learner's is " + bottleneckConfig + "=" + bottleneck.id()
                    + ": set " + bottleneckConfig + "=" + saved + " to resume it, or start a new run");
        }
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
