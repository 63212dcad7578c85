package dev.autodidact.learner.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.modality.FeatureMapEncoder;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The image encoder's architecture and input normalisation. It is stored in every checkpoint manifest so that the
 * embedder, {@code eval} and fine-tuning rebuild exactly the network that was trained. As a {@link FeatureMapEncoder}
 * it also gives the last stage's map before global pooling, (N, last width, s, s) with s the input side halved once
 * per stage but the last (8 at 32 px with three stages), and normalises uint8 pixel targets as it does its input.
 *
 * @param inputSize side of the square RGB input
 * @param widths channels of each stage; each stage halves the resolution except the last, which pools globally
 * @param residualBlocks residual basic blocks per stage after the stage's first convolution
 * @param mean per-channel mean of pixel values in [0, 1]
 * @param std per-channel standard deviation
 */
public record ConvEncoderSpec(int inputSize, int[] widths, int residualBlocks, float[] mean, float[] std)
        implements FeatureMapEncoder, ImageInput {
    /** The manifest's {@code encoder} value for this architecture. */
    public static final String NAME = "conv";
    /** ImageNet statistics: a neutral default that does not assume the data set. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    /** Caps on what a manifest may ask for, checked before any network is built. */
    public static final int MAX_INPUT_SIZE = 1024;

    public static final int MAX_STAGES = 16;
    public static final int MAX_WIDTH = 8192;
    public static final int MAX_RESIDUAL_BLOCKS = 64;

    public ConvEncoderSpec {
        if (inputSize < 8
                || inputSize > MAX_INPUT_SIZE
                || widths.length == 0
                || widths.length > MAX_STAGES
                || Arrays.stream(widths).anyMatch(w -> w < 1 || w > MAX_WIDTH)
                || residualBlocks < 0
                || residualBlocks > MAX_RESIDUAL_BLOCKS
                || mean.length != 3
                || std.length != 3) {
            throw new IllegalArgumentException("Invalid encoder spec: input " + inputSize + ", widths "
                    + Arrays.toString(widths) + ", residual blocks " + residualBlocks);
        }
        widths = widths.clone();
        mean = mean.clone();
        std = std.clone();
    }

    public static ConvEncoderSpec of(int inputSize, int[] widths, int residualBlocks) {
        return new ConvEncoderSpec(inputSize, widths, residualBlocks, IMAGENET_MEAN, IMAGENET_STD);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.IMAGE;
    }

    @Override
    public Block network() {
        return ConvEncoder.build(this);
    }

    /**
     * An RGB uint8 {@code [h, w, 3]} array: square at {@link #inputSize()} when canonical, otherwise square and no
     * larger (a local crop).
     */
    @Override
    public void checkInput(Tensor array, boolean canonical) {
        ImageInput.checkRgb(array);
        int h = array.dim(0);
        int w = array.dim(1);
        if (canonical && (h != inputSize || w != inputSize)) {
            throw new IllegalArgumentException(
                    "Image is " + w + "x" + h + ", the encoder takes " + inputSize + "x" + inputSize);
        }
        if (!canonical && (h != w || h > inputSize || h < 8)) {
            throw new IllegalArgumentException(
                    "Crop is " + w + "x" + h + ", expected square between 8 and " + inputSize);
        }
    }

    /** Length of the feature vector the encoder outputs: the last stage's width. */
    @Override
    public int featureDim() {
        return widths[widths.length - 1];
    }

    @Override
    public int mapChannels() {
        return featureDim();
    }

    /** {@code inputSide} halved (rounding down, as 2x2 max pooling does) once per stage but the last. */
    @Override
    public int mapSide(int inputSide) {
        int side = inputSide;
        for (int i = 0; i < widths.length - 1; i++) {
            side /= 2;
        }
        if (side < 1) {
            throw new IllegalArgumentException(
                    "A " + inputSide + "-pixel input leaves no map after " + widths.length + " stages");
        }
        return side;
    }

    @Override
    public NDArray featureMap(ParameterStore store, Block encoder, NDArray input, boolean training) {
        return ConvEncoder.featureMap(this, encoder, store, input, training);
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(ENCODER, NAME);
        m.put("encoder.input.size", Integer.toString(inputSize));
        m.put("encoder.widths", join(widths));
        m.put("encoder.residual.blocks", Integer.toString(residualBlocks));
        m.put("encoder.mean", join(mean));
        m.put("encoder.std", join(std));
        return m;
    }

    /** @throws IllegalArgumentException if a value is missing, not a number or over its cap */
    public static ConvEncoderSpec fromMap(Map<String, String> m) {
        if (require(m, "encoder.widths").length() > 256) {
            throw new IllegalArgumentException("Checkpoint architecture has too many encoder widths");
        }
        return new ConvEncoderSpec(
                Integer.parseInt(require(m, "encoder.input.size")),
                Arrays.stream(require(m, "encoder.widths").split(","))
                        .mapToInt(Integer::parseInt)
                        .toArray(),
                Integer.parseInt(require(m, "encoder.residual.blocks")),
                floats(require(m, "encoder.mean")),
                floats(require(m, "encoder.std")));
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("Checkpoint architecture lacks '" + key + "'");
        }
        return v;
    }

    private static float[] floats(String csv) {
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
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
        return o instanceof ConvEncoderSpec e
                && e.inputSize == inputSize
                && e.residualBlocks == residualBlocks
                && Arrays.equals(e.widths, widths)
                && Arrays.equals(e.mean, mean)
                && Arrays.equals(e.std, std);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + inputSize;
    }

    @Override
    public String toString() {
        return "ConvEncoderSpec" + toMap();
    }
}
