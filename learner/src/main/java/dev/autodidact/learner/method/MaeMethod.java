package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.MaskedReconstructionLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.learner.modality.PatchEncoder;
import dev.autodidact.learner.model.MaeDecoder;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * MAE, masked autoencoders (He et al., "Masked Autoencoders Are Scalable Vision Learners", CVPR 2022). The stream-app
 * masks a random subset of each view's patches ({@code mask}, {@code mask.index}: the visible patches first); the
 * encoder, a {@link PatchEncoder}, runs on the visible patches alone; a lightweight {@link MaeDecoder} fills in mask
 * tokens, restores patch order and predicts every patch's values; the loss is the mean squared error on the masked
 * patches only, against per-patch normalised pixels ({@link MaskedReconstructionLoss}). The mask ratio is the
 * stream-app's and arrives with the examples; every example must mask the same number of patches, so that a batch's
 * visible tokens stack. With nothing masked (ratio 0) it is a plain autoencoder over all patches: the loss then
 * covers every patch.
 *
 * <p>The published {@code encoder} section is the encoder alone; the decoder is its own section ({@code decoder}).
 * There is no projector: {@link #head()} is the identity, so health's projection std is the encoder's own.
 */
public final class MaeMethod implements NetworkedMethod {
    public static final String NAME = "mae";
    public static final String DECODER_DIM_CONFIG = "mae.decoder.dim";
    public static final String DECODER_DEPTH_CONFIG = "mae.decoder.depth";
    public static final String DECODER_HEADS_CONFIG = "mae.decoder.heads";
    public static final String NORM_PIX_LOSS_CONFIG = "mae.norm.pix.loss";
    /** The checkpoint section of the decoder. */
    public static final String DECODER = "decoder";

    private static final List<String> INPUTS = List.of(ArrayNames.view(0), ArrayNames.MASK, ArrayNames.MASK_INDEX);

    /**
     * AdamW with weight decay 0.05 as in the paper, but a peak learning rate of 1.5e-3 instead of the paper's linear
     * scaling rule, 1.5e-4 x batch / 256, which gives 1.5e-4 at our batch of 256: the paper trains for 800 epochs or
     * more after 40 of warm-up, while a streaming run of a few CPU minutes sees a few hundred steps. 1.5e-3 stays below
     * the absolute rate the paper's own runs use (2.4e-3 at batch 4096), which matters more than the batch to Adam, and
     * is the usual rate for small ViTs trained from scratch. The learner's linear warm-up ({@code warmup.steps}, 100)
     * applies. No projector.
     */
    public static final Recipe RECIPE = new Recipe(Recipe.ADAMW, 1.5e-3, 0.05, 0, 0);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            MaeMethod::define,
            ctx -> new MaeMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.settings().getInt(DECODER_DIM_CONFIG),
                            ctx.settings().getInt(DECODER_DEPTH_CONFIG),
                            ctx.settings().getInt(DECODER_HEADS_CONFIG),
                            ctx.settings().getBoolean(NORM_PIX_LOSS_CONFIG))),
            EncoderRequirement.PATCH_TOKENS);

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        DECODER_DIM_CONFIG,
                        Type.INT,
                        64,
                        Range.between(4, 4096),
                        Importance.MEDIUM,
                        "MAE decoder token width, a multiple of 4 and of mae.decoder.heads (the paper: 512 for a "
                                + "1024-wide encoder; here half the default ViT's 128).")
                .define(
                        DECODER_DEPTH_CONFIG,
                        Type.INT,
                        2,
                        Range.between(1, 48),
                        Importance.MEDIUM,
                        "MAE decoder Transformer blocks (the paper: 8; 1 already works for fine-tuning).")
                .define(
                        DECODER_HEADS_CONFIG,
                        Type.INT,
                        2,
                        Range.between(1, 64),
                        Importance.LOW,
                        "MAE decoder attention heads (2: 32 values per head at the default width, as the encoder).")
                .define(
                        NORM_PIX_LOSS_CONFIG,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Reconstruct each patch normalised by its own mean and variance (the paper's better "
                                + "setting) instead of the normalised pixels as they are.");
    }

    /**
     * @param decoderDim decoder token width
     * @param decoderDepth decoder blocks
     * @param decoderHeads decoder attention heads
     * @param normPixLoss per-patch normalised targets
     */
    public record Settings(int decoderDim, int decoderDepth, int decoderHeads, boolean normPixLoss) {
        public Settings {
            if (decoderDim < 4 || decoderDim % 4 != 0 || decoderHeads < 1 || decoderDim % decoderHeads != 0) {
                throw new IllegalArgumentException("MAE decoder dim " + decoderDim
                        + " must be a multiple of 4 and of the decoder heads (" + decoderHeads + ")");
            }
        }
    }

    private final PatchEncoder architecture;
    private final Settings settings;
    private final Networks networks;
    private final Block identity = Blocks.identityBlock();
    /** The visible count of the first accepted example, which every later one must have; -1 before. */
    private final AtomicInteger visibleCount = new AtomicInteger(-1);

    /** @throws IllegalArgumentException unless {@code architecture} is a {@link PatchEncoder} */
    public MaeMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        if (!(architecture instanceof PatchEncoder patchEncoder)) {
            throw new IllegalArgumentException(
                    "MAE needs an encoder over patch tokens (a ViT), got " + architecture.name());
        }
        this.architecture = patchEncoder;
        this.settings = settings;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        int p = patchEncoder.patchCount();
        MaeDecoder decoder = new MaeDecoder(
                p,
                patchEncoder.patchValues(),
                settings.decoderDim(),
                settings.decoderDepth(),
                settings.decoderHeads(),
                patchEncoder.positions(settings.decoderDim()));
        decoder.initialize(manager, DataType.FLOAT32, new Shape(2, p, architecture.featureDim()), new Shape(2, p));
        networks.trainable(DECODER, decoder);
    }

    @Override
    public Networks networks() {
        return networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The view, its patch mask and the patch permutation with the visible patches first. */
    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    /**
     * Rejects an example whose {@code mask.index} is not a permutation of exactly the encoder's patches, whose
     * {@code mask} is not 0/1 over them, whose permutation does not list exactly the unmasked patches first, that
     * leaves no patch visible, or whose visible count differs from the first accepted example's.
     */
    @Override
    public void checkExample(Example example) {
        int patches = architecture.patchCount();
        Tensor index = example.array(ArrayNames.MASK_INDEX);
        Tensor mask = example.array(ArrayNames.MASK);
        if (index.dtype() != DType.I32 || index.rank() != 1 || index.dim(0) != patches) {
            throw new IllegalArgumentException("'" + ArrayNames.MASK_INDEX + "' must be i32 [" + patches
                    + "] (the encoder's patches), got " + index);
        }
        if (mask.dtype() != DType.U8 || mask.rank() != 1 || mask.dim(0) != patches) {
            throw new IllegalArgumentException(
                    "'" + ArrayNames.MASK + "' must be u8 [" + patches + "] (the encoder's patches), got " + mask);
        }
        byte[] masked = mask.bytes();
        int visible = 0;
        for (byte m : masked) {
            if (m != 0 && m != 1) {
                throw new IllegalArgumentException("'" + ArrayNames.MASK + "' holds " + m + "; only 0 and 1");
            }
            visible += m == 0 ? 1 : 0;
        }
        if (visible == 0) {
            throw new IllegalArgumentException("'" + ArrayNames.MASK + "' masks every patch; MAE needs a visible one");
        }
        int[] order = index.ints();
        boolean[] seen = new boolean[patches];
        for (int j = 0; j < patches; j++) {
            int p = order[j];
            if (p < 0 || p >= patches || seen[p]) {
                throw new IllegalArgumentException("'" + ArrayNames.MASK_INDEX + "' is not a permutation of 0.."
                        + (patches - 1) + ": " + (p < 0 || p >= patches ? "holds " + p : "repeats " + p));
            }
            seen[p] = true;
            if ((j < visible) != (masked[p] == 0)) {
                throw new IllegalArgumentException("'" + ArrayNames.MASK_INDEX + "' does not list the " + visible
                        + " unmasked patches first: position " + j + " holds "
                        + (masked[p] == 0 ? "unmasked" : "masked")
                        + " patch " + p);
            }
        }
        int expected = visibleCount.get();
        if (expected >= 0 && expected != visible) {
            throw new IllegalArgumentException("Example leaves " + visible + " of " + patches
                    + " patches visible, earlier ones " + expected + " (every batch needs one visible count)");
        }
        visibleCount.compareAndSet(-1, visible);
    }

    /** The identity: MAE has no projector, so collapse is measured on the encoder's features themselves. */
    @Override
    public Block head() {
        return identity;
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        NDArray images = batch.get(ArrayNames.view(0));
        NDArray mask = batch.get(ArrayNames.MASK);
        NDArray order = batch.get(ArrayNames.MASK_INDEX).toType(DataType.INT64, false);
        int visible = visibleCount(mask);
        NDArray keep = order.get(new NDIndex(":, :{}", visible));
        NDArray restore = order.argSort(1);
        NDArray latent = architecture.encodeKept(encoder(), store, images, keep, true);
        NDArray predicted = networks.get(DECODER)
                .forward(store, new NDList(latent, restore), true)
                .singletonOrThrow();
        NDArray masked = mask.toType(DataType.FLOAT32, false);
        NDArray weights = visible < architecture.patchCount() ? masked : masked.onesLike();
        return MaskedReconstructionLoss.compute(
                predicted, architecture.patches(images), weights, settings.normPixLoss());
    }

    /**
     * The batch's visible count, which the examples' check makes the same in every row.
     *
     * @throws IllegalArgumentException if the rows differ (a batch that bypassed {@link #checkExample})
     */
    private static int visibleCount(NDArray mask) {
        long patches = mask.getShape().get(1);
        long[] masked = mask.toType(DataType.INT64, false).sum(new int[] {1}).toLongArray();
        long first = masked[0];
        for (long m : masked) {
            if (m != first) {
                throw new IllegalArgumentException("Rows of one MAE batch mask different numbers of patches");
            }
        }
        if (first >= patches) {
            throw new IllegalArgumentException("An MAE batch masks every patch");
        }
        return (int) (patches - first);
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put(DECODER_DIM_CONFIG, Integer.toString(settings.decoderDim()));
        m.put(DECODER_DEPTH_CONFIG, Integer.toString(settings.decoderDepth()));
        m.put(DECODER_HEADS_CONFIG, Integer.toString(settings.decoderHeads()));
        m.put(NORM_PIX_LOSS_CONFIG, Boolean.toString(settings.normPixLoss()));
        return m;
    }
}
