package dev.autodidact.learner.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.eval.LabeledInputs;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link Classifier} on a few labeled inputs and measures top-1 accuracy on a test set. The modality's light
 * augmentation ({@link ModalityKit#fineTuneView}) is applied to the labeled inputs, identically for pretrained and
 * scratch networks.
 */
public final class FineTuner {
    private final FineTuneSettings settings;
    private final ModalityKit kit;

    public FineTuner(FineTuneSettings settings, ModalityKit kit) {
        this.settings = settings;
        this.kit = kit;
    }

    /**
     * Trains {@code classifier} (already initialised on {@code root}) on {@code labeled}.
     *
     * @param pretrained whether the encoder holds pretrained weights: only then does {@link FineTuneMode#FULL} scale
     *     its learning rate down, and only then is a frozen encoder meaningful beyond a random-feature baseline
     */
    public void train(NDManager root, Classifier classifier, LabeledInputs train, int[] labeled, boolean pretrained) {
        boolean trainEncoder = settings.mode() == FineTuneMode.FULL;
        setTrainable(classifier.encoder(), trainEncoder);
        ParameterStore store = new ParameterStore(root, false);
        SplittableRandom rng = new SplittableRandom(settings.seed());
        float encoderLr = settings.learningRate() * (pretrained ? settings.encoderLearningRateScale() : 1f);
        int batch = Math.min(settings.batchSize(), labeled.length);
        try (AdamW headOpt = new AdamW(root, settings.weightDecay());
                AdamW encoderOpt = new AdamW(root, settings.weightDecay())) {
            for (int step = 0; step < settings.steps(); step++) {
                try (NDManager scope = root.newSubManager()) {
                    List<Tensor> inputs = new ArrayList<>(batch);
                    int[] targets = new int[batch];
                    for (int i = 0; i < batch; i++) {
                        int idx = labeled[rng.nextInt(labeled.length)];
                        inputs.add(kit.fineTuneView(train.inputs().get(idx), classifier.spec(), rng));
                        targets[i] = train.labels()[idx];
                    }
                    NDArray x = classifier.spec().input(scope, inputs);
                    NDArray y = scope.create(targets);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray features = classifier
                                .encoder()
                                .forward(store, new NDList(x), trainEncoder)
                                .singletonOrThrow();
                        NDArray logits = classifier
                                .head()
                                .forward(store, new NDList(features), true)
                                .singletonOrThrow();
                        gc.backward(crossEntropy(logits, y));
                    }
                    headOpt.step(parameters(classifier.head().getParameters()), settings.learningRate());
                    if (trainEncoder) {
                        encoderOpt.step(parameters(classifier.encoder().getParameters()), encoderLr);
                    }
                }
            }
        }
        setTrainable(classifier.encoder(), true);
    }

    /** Top-1 accuracy of {@code classifier} in inference mode. */
    public static double accuracy(NDManager root, Classifier classifier, LabeledInputs test) {
        ParameterStore store = new ParameterStore(root, false);
        int correct = 0;
        for (int from = 0; from < test.inputs().size(); from += 256) {
            int to = Math.min(test.inputs().size(), from + 256);
            try (NDManager scope = root.newSubManager()) {
                NDArray x = classifier.spec().input(scope, test.inputs().subList(from, to));
                long[] predicted = classifier
                        .network()
                        .forward(store, new NDList(x), false)
                        .singletonOrThrow()
                        .argMax(1)
                        .toLongArray();
                for (int i = 0; i < predicted.length; i++) {
                    correct += predicted[i] == test.labels()[from + i] ? 1 : 0;
                }
            }
        }
        return correct / (double) test.inputs().size();
    }

    /** Mean softmax cross-entropy of {@code logits} (N, C) against integer {@code labels} (N). */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        int classes = (int) logits.getShape().get(1);
        return logits.logSoftmax(1)
                .mul(labels.oneHot(classes))
                .sum(new int[] {1})
                .neg()
                .mean();
    }

    /**
     * Turns gradients of the block's trainable parameters on or off; unlike {@code Block.freezeParameters(false)} it
     * leaves batch-norm running statistics without gradients.
     */
    private static void setTrainable(ai.djl.nn.Block block, boolean trainable) {
        block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .forEach(p -> p.getArray().setRequiresGradient(trainable));
    }

    private static List<Pair<String, Parameter>> parameters(ai.djl.nn.ParameterList list) {
        List<Pair<String, Parameter>> out = new ArrayList<>();
        list.forEach(p -> out.add(new Pair<>(p.getKey(), p.getValue())));
        return out;
    }
}
