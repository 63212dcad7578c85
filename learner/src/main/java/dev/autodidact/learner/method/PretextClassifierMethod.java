package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.CrossEntropyLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared body of the predictive pretext methods (RotNet, jigsaw): the stream-app transforms each image by one of
 * {@code K} known transformations and writes the transformation's index as {@code target}; the encoder and a
 * classification head (linear, batch norm, ReLU, linear to {@code K} logits) learn to name it, by cross-entropy. The
 * head reads {@code featuresPerRow} encoder features per classified row, concatenated in order: one for RotNet (each
 * rotated view is classified on its own), {@code grid^2} for jigsaw (the paper's context-free network: every tile goes
 * through the encoder alone, and the head sees the tiles' features side by side). All the images of a batch go through
 * the encoder in one forward pass, so its batch norm sees them all.
 *
 * <p>The head stands between the features and the logits so that the published encoder features are not forced to be
 * the pretext task's logits: both papers find a pretext network's last layers specialised to the task and its earlier
 * ones the better features. The head is two networks, sections {@code head} (linear, batch norm) and
 * {@code classifier} (ReLU, linear), so that RotNet's {@link #head()} can be the part checkpoint health measures.
 * {@code target} is the last of {@link #inputs()}; subclasses say which arrays hold the images and how the labels line
 * up with them.
 */
abstract class PretextClassifierMethod implements SslMethod {
    static final String HEAD = "head";
    static final String CLASSIFIER = "classifier";

    private final String name;
    private final EncoderArchitecture architecture;
    private final int classes;
    private final float labelSmoothing;
    private final int featuresPerRow;
    private final Networks networks;
    private final Block identity = Blocks.identityBlock();

    /**
     * @param classes K, the number of transformations the head tells apart
     * @param hidden units of the head's hidden layer
     * @param labelSmoothing label smoothing of the cross-entropy, in [0, 1)
     * @param featuresPerRow encoder features the head reads side by side per classified row, at least 1
     */
    PretextClassifierMethod(
            String name,
            NDManager manager,
            EncoderArchitecture architecture,
            int classes,
            int hidden,
            float labelSmoothing,
            int featuresPerRow) {
        if (classes < 2 || hidden < 1 || !(labelSmoothing >= 0 && labelSmoothing < 1) || featuresPerRow < 1) {
            throw new IllegalArgumentException(name + ": needs at least 2 classes, a hidden layer, label smoothing in"
                    + " [0, 1) and a feature per row; got " + classes + ", " + hidden + ", " + labelSmoothing + ", "
                    + featuresPerRow);
        }
        this.name = name;
        this.architecture = architecture;
        this.classes = classes;
        this.labelSmoothing = labelSmoothing;
        this.featuresPerRow = featuresPerRow;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        networks.trainable(
                HEAD, Networks.head(manager, hiddenLayer(hidden), featuresPerRow * architecture.featureDim()));
        networks.trainable(CLASSIFIER, Networks.head(manager, classifierLayers(classes), hidden));
        Networks.head(manager, identity, architecture.featureDim());
    }

    /** Linear (no bias: the norm's shift replaces it) and batch norm: the head up to its activation. */
    private static Block hiddenLayer(int hidden) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).optBias(false).build())
                .add(BatchNorm.builder().build());
    }

    /** ReLU and the last linear layer: the rest of the head, onto the logits. */
    private static Block classifierLayers(int classes) {
        return new SequentialBlock()
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * The images of the collated batch the encoder runs on, as one (M * featuresPerRow, ...) array: images
     * {@code r * featuresPerRow} to {@code r * featuresPerRow + featuresPerRow - 1} make classified row {@code r}.
     */
    abstract NDArray images(NDList batch);

    /** The class of each classified row, as an (M) integer array. */
    abstract NDArray labels(NDList batch);

    /** The method's hyper-parameters, added to the encoder's in the manifest. */
    abstract Map<String, String> settings();

    /** K, the number of classes the head tells apart. */
    final int classes() {
        return classes;
    }

    /** The logits (M, K) for the batch's images; training mode moves the batch-norm statistics. */
    final NDArray logits(ParameterStore store, NDList batch, boolean training) {
        NDArray features =
                encoder().forward(store, new NDList(images(batch)), training).singletonOrThrow();
        NDArray rows = features.reshape(-1, (long) featuresPerRow * architecture.featureDim());
        NDList z = networks.get(HEAD).forward(store, new NDList(rows), training);
        return classifier().forward(store, z, training).singletonOrThrow();
    }

    /** The part of the classification head after its hidden layer: ReLU and the last linear layer. */
    final Block classifier() {
        return networks.get(CLASSIFIER);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Block encoder() {
        return networks.get(ENCODER_SECTION);
    }

    /**
     * What checkpoint health measures on the encoder's features of single clean images. When the head reads one
     * feature per row (RotNet), its hidden layer before the activation (linear, batch norm; {@link #classifier()} maps
     * it to the logits). Not the logits themselves: checkpoint health measures {@code head()}'s output on the clean
     * sample, upright images that a trained RotNet assigns to one class, so their logits all point one way and read as
     * a collapse. Measured on the test fixtures after 400 steps at 100% rotation accuracy, as a multiple of the guard's
     * default threshold {@code 0.1/sqrt(d)}: the std of the L2-normalised logits 0.44 (held back), of the hidden layer
     * after the ReLU 1.1 and falling, before the ReLU 2.3, more margin than the encoder features' own 1.3.
     *
     * <p>When the head reads several features per row (jigsaw's tiles), it cannot take one image's features, so this is
     * the identity and health measures the encoder's own features.
     */
    @Override
    public final Block head() {
        return featuresPerRow == 1 ? networks.get(HEAD) : identity;
    }

    @Override
    public final List<Pair<String, Parameter>> trainableParameters() {
        return networks.trainableParameters();
    }

    @Override
    public final NDArray loss(ParameterStore store, NDList batch, long step) {
        if (batch.size() != inputs().size()) {
            throw new IllegalArgumentException(name + " needs " + inputs() + ", got " + batch.size() + " arrays");
        }
        return CrossEntropyLoss.compute(logits(store, batch, true), labels(batch), labelSmoothing);
    }

    @Override
    public final Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
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

    /** The collated {@code target} array of {@code batch}: the last of {@link #inputs()}. */
    final NDArray target(NDList batch) {
        return batch.get(inputs().size() - 1);
    }

    /**
     * @throws IllegalArgumentException unless {@code example}'s {@code target} is i32 {@code [length]} with every
     *     value in {@code [0, classes)}
     */
    static void checkTarget(String method, Example example, int length, int classes, String meaning) {
        Tensor target = example.array(ArrayNames.TARGET);
        if (target.dtype() != DType.I32 || target.rank() != 1 || target.dim(0) != length) {
            throw new IllegalArgumentException(
                    method + " needs an i32 [" + length + "] '" + ArrayNames.TARGET + "', got " + target);
        }
        int[] values = target.ints();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw new IllegalArgumentException(method + " '" + ArrayNames.TARGET + "' [" + i + "] is " + values[i]
                        + ", expected " + meaning + " in [0, " + classes + ")");
            }
        }
    }
}
