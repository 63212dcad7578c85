package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
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
 * head stands between the features and the logits so that the published encoder features are not forced to be the
 * pretext task's logits: both papers find a pretext network's last layers specialised to the task and its earlier
 * ones the better features. The head is two networks, sections {@code head} (linear, batch norm) and
 * {@code classifier} (ReLU, linear), so that {@link #head()} can be the part checkpoint health measures.
 * {@code target} is the last of {@link #inputs()}; subclasses say which arrays hold the images and how the labels
 * line up with them.
 */
abstract class PretextClassifierMethod implements SslMethod {
    static final String HEAD = "head";
    static final String CLASSIFIER = "classifier";

    private final String name;
    private final EncoderArchitecture architecture;
    private final int classes;
    private final float labelSmoothing;
    private final Networks networks;

    /**
     * @param classes K, the number of transformations the head tells apart
     * @param hidden units of the head's hidden layer
     * @param labelSmoothing label smoothing of the cross-entropy, in [0, 1)
     */
    PretextClassifierMethod(
            String name,
            NDManager manager,
            EncoderArchitecture architecture,
            int classes,
            int hidden,
            float labelSmoothing) {
        if (classes < 2 || hidden < 1 || !(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException(name + ": needs at least 2 classes, a hidden layer and label smoothing"
                    + " in [0, 1); got " + classes + ", " + hidden + ", " + labelSmoothing);
        }
        this.name = name;
        this.architecture = architecture;
        this.classes = classes;
        this.labelSmoothing = labelSmoothing;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        networks.trainable(HEAD, Networks.head(manager, hiddenLayer(hidden), architecture.featureDim()));
        networks.trainable(CLASSIFIER, Networks.head(manager, classifierLayers(classes), hidden));
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

    /** The images of the collated batch the encoder classifies, as one (M, ...) array. */
    abstract NDArray images(NDList batch);

    /** The class of each row of {@link #images}, as an (M) integer array. */
    abstract NDArray labels(NDList batch);

    /** The method's hyper-parameters, added to the encoder's in the manifest. */
    abstract Map<String, String> settings();

    /** K, the number of classes the head tells apart. */
    final int classes() {
        return classes;
    }

    /** The logits (M, K) for the batch's images; training mode moves the batch-norm statistics. */
    final NDArray logits(ParameterStore store, NDList batch, boolean training) {
        NDList h = encoder().forward(store, new NDList(images(batch)), training);
        NDList z = head().forward(store, h, training);
        return classifier().forward(store, z, training).singletonOrThrow();
    }

    /** The part of the classification head after {@link #head()}: ReLU and the last linear layer. */
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
     * The classification head's hidden layer before its activation (linear, batch norm); {@link #classifier()} maps
     * it to the logits. Not the logits themselves: checkpoint health measures {@code head()}'s output on the clean
     * sample, upright and unshuffled images that a trained pretext network assigns to one class, so the logits of a
     * RotNet that has learnt its task all point one way there and read as a collapse. Measured on the test fixtures
     * after 400 steps at 100% rotation accuracy, as a multiple of the guard's default threshold {@code 0.1/sqrt(d)}:
     * the std of the L2-normalised logits 0.44 (held back), of the hidden layer after the ReLU 1.1 and falling, before
     * the ReLU 2.3, more margin than the encoder features' own 1.3.
     */
    @Override
    public final Block head() {
        return networks.get(HEAD);
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
