package dev.autodidact.learner.modality.image;

import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.modality.RecipeTensors;
import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.image.ImageCanonicalizer;
import dev.autodidact.media.image.ImageDecoder;
import dev.autodidact.media.image.ImageLimits;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.Compose;
import dev.autodidact.media.image.augment.HorizontalFlip;
import dev.autodidact.media.image.augment.ImageTransform;
import dev.autodidact.media.image.augment.RandomResizedCrop;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.image.views.RecipeDraw;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.media.image.views.ViewRecipes;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Images: RGB uint8 {@code [h, w, 3]} canonical inputs, and the {@link ConvEncoder} or the {@link VitEncoder} (the
 * latter by default for the methods that encode patch tokens).
 */
public final class ImageKit implements ModalityKit {
    public static final String IMAGE_SIZE_CONFIG = "image.size";
    private static final String IMAGE_SIZE_DOC = "Side of the square views the stream-app produces.";
    public static final String ENCODER_WIDTHS_CONFIG = "encoder.widths";
    private static final String ENCODER_WIDTHS_DOC = "Channels per stage of the image encoder.";
    public static final String ENCODER_RESIDUAL_BLOCKS_CONFIG = "encoder.residual.blocks";
    private static final String ENCODER_RESIDUAL_BLOCKS_DOC = "Residual blocks per stage of the image encoder.";
    public static final String IMAGE_ENCODER_CONFIG = "image.encoder";
    private static final String IMAGE_ENCODER_DOC =
            "Image encoder: conv (a small ResNet-style network, encoder.*), vit "
                    + "(a Vision Transformer, vit.*), or auto: vit for the methods that encode patch tokens (mae), conv for "
                    + "the others.";
    /*
     * The ViT's defaults are a CPU-sized ViT: 4x4 patches give 64 tokens at 32 px (MAE keeps 16 of them), 128 wide
     * (the conv encoder's feature size, so probes compare like with like), 4 heads of 32, 6 blocks. With MAE's 75%
     * masking and its 64-wide decoder, an MAE step at batch 256 then costs what a SimCLR step of the conv encoder on
     * two views costs on 2 CPU cores (0.32-0.35 s against 0.33 s; 4 blocks: 0.26 s), so a few CPU minutes give both about
     * the same number of steps, and the encoder gets the depth MAE rewards rather than the decoder.
     */
    public static final String VIT_PATCH_SIZE_CONFIG = "vit.patch.size";
    private static final String VIT_PATCH_SIZE_DOC = "Side of the ViT's square patches; image.size must be a multiple "
            + "of it, and for mae it must match the stream-app's mae.patch.size.";
    public static final String VIT_DIM_CONFIG = "vit.dim";
    private static final String VIT_DIM_DOC = "ViT token width (the feature size), a multiple of 4 and of vit.heads.";
    public static final String VIT_DEPTH_CONFIG = "vit.depth";
    private static final String VIT_DEPTH_DOC = "ViT Transformer blocks.";
    public static final String VIT_HEADS_CONFIG = "vit.heads";
    private static final String VIT_HEADS_DOC = "ViT attention heads per block.";
    public static final String VIT_MLP_RATIO_CONFIG = "vit.mlp.ratio";
    private static final String VIT_MLP_RATIO_DOC = "ViT MLP hidden units per token dimension.";

    /** Values of {@link #IMAGE_ENCODER_CONFIG}. */
    public static final String AUTO = "auto";

    private static final String AUGMENT = Example.AUGMENT;

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
    private final java.util.Map<Integer, ImageTransform> fineTuneTransforms =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, ViewRecipe> recipes = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Modality modality() {
        return Modality.IMAGE;
    }

    @Override
    public ConfigDef define(ConfigDef def) {
        return def.define(
                        IMAGE_SIZE_CONFIG,
                        Type.INT,
                        32,
                        Range.between(8, ConvEncoderSpec.MAX_INPUT_SIZE),
                        Importance.HIGH,
                        IMAGE_SIZE_DOC)
                .define(ENCODER_WIDTHS_CONFIG, Type.LIST, "32,64,128", Importance.MEDIUM, ENCODER_WIDTHS_DOC)
                .define(
                        ENCODER_RESIDUAL_BLOCKS_CONFIG,
                        Type.INT,
                        0,
                        Range.between(0, ConvEncoderSpec.MAX_RESIDUAL_BLOCKS),
                        Importance.MEDIUM,
                        ENCODER_RESIDUAL_BLOCKS_DOC)
                .define(
                        IMAGE_ENCODER_CONFIG,
                        Type.STRING,
                        AUTO,
                        ConfigDef.ValidString.in(AUTO, ConvEncoderSpec.NAME, VitEncoderSpec.NAME),
                        Importance.HIGH,
                        IMAGE_ENCODER_DOC)
                .define(VIT_PATCH_SIZE_CONFIG, Type.INT, 4, Range.between(1, 64), Importance.MEDIUM, VIT_PATCH_SIZE_DOC)
                .define(
                        VIT_DIM_CONFIG,
                        Type.INT,
                        128,
                        Range.between(4, VitEncoderSpec.MAX_DIM),
                        Importance.MEDIUM,
                        VIT_DIM_DOC)
                .define(
                        VIT_DEPTH_CONFIG,
                        Type.INT,
                        6,
                        Range.between(1, VitEncoderSpec.MAX_DEPTH),
                        Importance.MEDIUM,
                        VIT_DEPTH_DOC)
                .define(
                        VIT_HEADS_CONFIG,
                        Type.INT,
                        4,
                        Range.between(1, VitEncoderSpec.MAX_HEADS),
                        Importance.MEDIUM,
                        VIT_HEADS_DOC)
                .define(
                        VIT_MLP_RATIO_CONFIG,
                        Type.INT,
                        4,
                        Range.between(1, VitEncoderSpec.MAX_MLP_RATIO),
                        Importance.LOW,
                        VIT_MLP_RATIO_DOC);
    }

    /**
     * The conv encoder or the ViT, as {@link #IMAGE_ENCODER_CONFIG} says; {@code auto} picks the ViT for a method that
     * needs patch tokens and the conv encoder otherwise.
     *
     * @throws ConfigException if the conv encoder is configured for a method that needs patch tokens, or the ViT's
     *     settings do not fit together
     */
    @Override
    public EncoderArchitecture encoder(AbstractConfig config, EncoderRequirement requirement) {
        String choice = config.getString(IMAGE_ENCODER_CONFIG);
        String name = !AUTO.equals(choice)
                ? choice
                : requirement == EncoderRequirement.PATCH_TOKENS ? VitEncoderSpec.NAME : ConvEncoderSpec.NAME;
        EncoderArchitecture encoder = name.equals(VitEncoderSpec.NAME) ? vit(config) : conv(config);
        if (!requirement.accepts(encoder)) {
            throw new ConfigException(
                    IMAGE_ENCODER_CONFIG,
                    choice,
                    "the method encodes a subset of patch tokens, which the " + name + " encoder has none of; set "
                            + VitEncoderSpec.NAME + " or leave it " + AUTO);
        }
        return encoder;
    }

    private static ConvEncoderSpec conv(AbstractConfig config) {
        int[] widths = config.getList(ENCODER_WIDTHS_CONFIG).stream()
                .mapToInt(Integer::parseInt)
                .toArray();
        return ConvEncoderSpec.of(
                config.getInt(IMAGE_SIZE_CONFIG), widths, config.getInt(ENCODER_RESIDUAL_BLOCKS_CONFIG));
    }

    private static VitEncoderSpec vit(AbstractConfig config) {
        try {
            return VitEncoderSpec.of(
                    config.getInt(IMAGE_SIZE_CONFIG),
                    config.getInt(VIT_PATCH_SIZE_CONFIG),
                    config.getInt(VIT_DIM_CONFIG),
                    config.getInt(VIT_DEPTH_CONFIG),
                    config.getInt(VIT_HEADS_CONFIG),
                    config.getInt(VIT_MLP_RATIO_CONFIG));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    @Override
    public Tensor canonical(byte[] media, EncoderArchitecture encoder) {
        ImageInput spec = imageInput(encoder);
        try {
            RgbImage img = new ImageCanonicalizer(spec.inputSize()).canonicalize(decoder.decode(media));
            return Tensor.wrap(DType.U8, new int[] {img.height(), img.width(), 3}, img.pixels());
        } catch (MediaRejectedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Tensor fineTuneView(Tensor input, EncoderArchitecture encoder, SplittableRandom rng) {
        ImageTransform augment = fineTuneTransforms.computeIfAbsent(
                imageInput(encoder).inputSize(),
                size -> new Compose(
                        List.of(new RandomResizedCrop(size, 0.6, 1.0, 3.0 / 4, 4.0 / 3), new HorizontalFlip(0.5))));
        RgbImage a = augment.apply(new RgbImage(input.dim(1), input.dim(0), input.bytes()), rng);
        return Tensor.wrap(DType.U8, new int[] {a.height(), a.width(), 3}, a.pixels());
    }

    /**
     * New views of the stored example's {@code input}, drawn by the recipe its {@code augment} metadata spells (the
     * stream-app's own {@link ViewRecipes}), into an example of the same {@code recipe}: the input, the views and the
     * recipe's other arrays (a fresh patch mask, fresh rotation or permutation targets, the new view before erasing or
     * corruption), laid out as the stream-app writes them.
     */
    @Override
    public Example reaugment(Example stored, long seed) {
        String spec = stored.meta(AUGMENT)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Example has no '" + AUGMENT + "' metadata: the stream-app that wrote it predates replay"));
        ViewRecipe recipe = recipes.computeIfAbsent(spec, ViewRecipes::parse);
        Tensor input = stored.array(ArrayNames.INPUT);
        RecipeDraw draw =
                recipe.draw(new RgbImage(input.dim(1), input.dim(0), input.bytes()), new SplittableRandom(seed));
        Example.Builder b = Example.builder(Modality.IMAGE);
        stored.metadata().forEach(b::meta);
        b.put(ArrayNames.INPUT, input);
        List<RgbImage> views = draw.views();
        for (int i = 0; i < views.size(); i++) {
            RgbImage v = views.get(i);
            b.put(ArrayNames.view(i), Tensor.wrap(DType.U8, new int[] {v.height(), v.width(), 3}, v.pixels()));
        }
        for (RecipeArray array : draw.arrays()) {
            b.put(array.name(), RecipeTensors.of(array));
        }
        return b.build();
    }

    /** The pixels, normalised as the encoder's input is, flattened (CHW): the baseline any representation must beat. */
    @Override
    public float[][] rawFeatures(List<Tensor> inputs, EncoderArchitecture encoder) {
        ImageInput spec = imageInput(encoder);
        float[][] out = new float[inputs.size()][];
        for (int i = 0; i < out.length; i++) {
            Tensor t = inputs.get(i);
            out[i] = new RgbImage(t.dim(1), t.dim(0), t.bytes()).toChwFloats(spec.mean(), spec.std());
        }
        return out;
    }

    /** No: see {@link ModalityKit#probesRawFeatures()}; the pixels' kNN is the image baseline. */
    @Override
    public boolean probesRawFeatures() {
        return false;
    }

    private static ImageInput imageInput(EncoderArchitecture encoder) {
        if (!(encoder instanceof ImageInput input)) {
            throw new IllegalArgumentException("Not an image encoder: " + encoder.name());
        }
        return input;
    }
}
