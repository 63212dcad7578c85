package dev.autodidact.learner.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import dev.autodidact.learner.modality.PatchEncoder;
import dev.autodidact.learner.modality.PixelEncoder;
import dev.autodidact.learner.model.SinCosPositions;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The architecture of the {@link VitEncoder}, written into checkpoint manifests ({@code encoder=vit}) so that the
 * embedder, {@code eval} and fine-tuning rebuild the network that was trained. Its input normalisation is the conv
 * encoder's ({@link ImageTensors#stack}); it takes only its canonical size, since its position embedding is fixed to
 * the patch grid. As a {@link PixelEncoder} it lets the dense methods decode its input from its pooled features.
 *
 * @param inputSize side of the square RGB input, a multiple of {@code patchSize}
 * @param patchSize side of a square patch
 * @param dim token width, a multiple of 4 (the 2-D sine-cosine embedding) and of {@code heads}
 * @param depth Transformer blocks
 * @param heads attention heads per block
 * @param mlpRatio MLP hidden units per token dimension
 * @param mean per-channel mean of pixel values in [0, 1]
 * @param std per-channel standard deviation
 */
public record VitEncoderSpec(
        int inputSize, int patchSize, int dim, int depth, int heads, int mlpRatio, float[] mean, float[] std)
        implements PatchEncoder, PixelEncoder, ImageInput {
    /** The manifest's {@code encoder} value for this architecture. */
    public static final String NAME = "vit";

    /** Caps on what a manifest may ask for, checked before any network is built. */
    public static final int MAX_PATCHES = 4096;

    public static final int MAX_DIM = 4096;
    public static final int MAX_DEPTH = 48;
    public static final int MAX_HEADS = 64;
    public static final int MAX_MLP_RATIO = 16;
    /** Most weights a manifest may ask for (1 GiB of floats). */
    public static final long MAX_PARAMETERS = 1L << 28;

    private static final int MAX_VALUE_LENGTH = 64;

    public VitEncoderSpec {
        if (inputSize < 1
                || inputSize > ConvEncoderSpec.MAX_INPUT_SIZE
                || patchSize < 1
                || inputSize % patchSize != 0
                || (long) (inputSize / patchSize) * (inputSize / patchSize) > MAX_PATCHES
                || dim < 4
                || dim > MAX_DIM
                || dim % 4 != 0
                || depth < 1
                || depth > MAX_DEPTH
                || heads < 1
                || heads > MAX_HEADS
                || dim % heads != 0
                || mlpRatio < 1
                || mlpRatio > MAX_MLP_RATIO
                || mean.length != 3
                || std.length != 3) {
            throw new IllegalArgumentException("Invalid ViT spec: input " + inputSize + ", patch " + patchSize
                    + ", dim "
                    + dim + ", depth " + depth + ", heads " + heads + ", MLP ratio " + mlpRatio
                    + " (dim a multiple of 4 and of heads, the input a multiple of the patch; caps: " + MAX_PATCHES
                    + " patches, dim " + MAX_DIM + ", depth " + MAX_DEPTH + ", heads " + MAX_HEADS + ", MLP ratio "
                    + MAX_MLP_RATIO + ")");
        }
        long weights = (long) depth * (4L + 2 * mlpRatio) * dim * dim + 3L * patchSize * patchSize * dim;
        if (weights > MAX_PARAMETERS) {
            throw new IllegalArgumentException(
                    "ViT spec asks for about " + weights + " weights, more than the cap of " + MAX_PARAMETERS);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** A ViT with the ImageNet normalisation the conv encoder uses. */
    public static VitEncoderSpec of(int inputSize, int patchSize, int dim, int depth, int heads, int mlpRatio) {
        return new VitEncoderSpec(
                inputSize,
                patchSize,
                dim,
                depth,
                heads,
                mlpRatio,
                ConvEncoderSpec.IMAGENET_MEAN,
                ConvEncoderSpec.IMAGENET_STD);
    }

    /** Patches per side of the grid. */
    public int gridSide() {
        return inputSize / patchSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.IMAGE;
    }

    /** The mean of the final token states: {@link #dim()}. */
    @Override
    public int featureDim() {
        return dim;
    }

    @Override
    public Block network() {
        return new VitEncoder(this);
    }

    /** An RGB uint8 {@code [inputSize, inputSize, 3]} array, canonical or not: the patch grid is fixed. */
    @Override
    public void checkInput(Tensor array, boolean canonical) {
        ImageInput.checkRgb(array);
        if (array.dim(0) != inputSize || array.dim(1) != inputSize) {
            throw new IllegalArgumentException("Image is " + array.dim(1) + "x" + array.dim(0) + ", the ViT takes "
                    + inputSize + "x" + inputSize + " only");
        }
    }

    @Override
    public int patchCount() {
        return gridSide() * gridSide();
    }

    @Override
    public int patchValues() {
        return patchSize * patchSize * 3;
    }

    /** (N, 3, H, W) to (N, P, patch * patch * 3): row-major patches, each row-major pixels of 3 channels (MAE). */
    @Override
    public NDArray patches(NDArray inputs) {
        long n = inputs.getShape().get(0);
        int g = gridSide();
        return inputs.reshape(n, 3, g, patchSize, g, patchSize)
                .transpose(0, 2, 4, 3, 5, 1)
                .reshape(n, (long) g * g, patchValues());
    }

    @Override
    public float[] positions(int width) {
        return SinCosPositions.grid(gridSide(), width);
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(ENCODER, NAME);
        m.put("encoder.input.size", Integer.toString(inputSize));
        m.put("encoder.patch.size", Integer.toString(patchSize));
        m.put("encoder.dim", Integer.toString(dim));
        m.put("encoder.depth", Integer.toString(depth));
        m.put("encoder.heads", Integer.toString(heads));
        m.put("encoder.mlp.ratio", Integer.toString(mlpRatio));
        m.put("encoder.mean", join(mean));
        m.put("encoder.std", join(std));
        return m;
    }

    /** @throws IllegalArgumentException if a value is missing, too long, not a number or over its cap */
    public static VitEncoderSpec fromMap(Map<String, String> m) {
        return new VitEncoderSpec(
                integer(m, "encoder.input.size"),
                integer(m, "encoder.patch.size"),
                integer(m, "encoder.dim"),
                integer(m, "encoder.depth"),
                integer(m, "encoder.heads"),
                integer(m, "encoder.mlp.ratio"),
                floats(m, "encoder.mean"),
                floats(m, "encoder.std"));
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("Checkpoint architecture lacks '" + key + "'");
        }
        if (v.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("Checkpoint architecture's '" + key + "' is too long");
        }
        return v;
    }

    private static int integer(Map<String, String> m, String key) {
        return Integer.parseInt(require(m, key).trim());
    }

    private static float[] floats(Map<String, String> m, String key) {
        String[] parts = require(m, key).split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Checkpoint architecture's '" + key + "' needs 3 values");
        }
        float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    private static String join(float[] values) {
        StringBuilder sb = new StringBuilder();
        for (float v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VitEncoderSpec e
                && e.inputSize == inputSize
                && e.patchSize == patchSize
                && e.dim == dim
                && e.depth == depth
                && e.heads == heads
                && e.mlpRatio == mlpRatio
                && Arrays.equals(e.mean, mean)
                && Arrays.equals(e.std, std);
    }

    @Override
    public int hashCode() {
        return ((inputSize * 31 + patchSize) * 31 + dim) * 31 + depth;
    }

    @Override
    public String toString() {
        return "VitEncoderSpec" + toMap();
    }
}
