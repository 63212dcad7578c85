package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint health code on the pretext methods' heads. The logits are 4 wide for RotNet and 100 (the default
 * permutation set) for jigsaw. RotNet's {@code head()} is the hidden layer before them, whose width
 * {@link HealthMonitor#outputDim} reports for the projection collapse threshold. A RotNet that has learnt its task
 * assigns every upright image to "0 quarter turns", so its logits on upright images all point one way: their std
 * falls below the 4-dimension collapse threshold ({@code 0.1 / sqrt(4)}), while the hidden layer's stays well above
 * its own. That is why {@code head()} is the hidden layer: health runs on the clean sample, which is upright. Jigsaw's
 * head reads the features of all its tiles at once, so it cannot take one clean image's: its {@code head()} is the
 * identity, and health measures the encoder's own features.
 */
class PretextHeadHealthTest {
    private static final double DEFAULT_COLLAPSE_FRACTION = 0.1;
    private static final int HIDDEN = 32;

    @Test
    void shouldMeasureTheHiddenLayerOfTheFourWayRotationHead() {
        try (NDManager root = NDManager.newBaseManager()) {
            RotNetMethod method = PretextFixtures.rotNet(root);
            assertHealthAndWidths(root, method, PretextFixtures.rotationBatch(4, 5), RotNetMethod.ROTATIONS, HIDDEN);
        }
    }

    @Test
    void shouldMeasureTheEncoderFeaturesThroughTheIdentityHeadOfTheHundredWayJigsaw() {
        try (NDManager root = NDManager.newBaseManager()) {
            JigsawMethod method = PretextFixtures.jigsaw(root, JigsawMethod.PERMUTATIONS_DEFAULT);
            ExampleBatch batch = PretextFixtures.jigsawBatch(4, JigsawMethod.PERMUTATIONS_DEFAULT, 5);
            assertHealthAndWidths(root, method, batch, JigsawMethod.PERMUTATIONS_DEFAULT, SPEC.featureDim());

            List<Tensor> images = batch.examples().stream()
                    .map(e -> e.array(ArrayNames.INPUT))
                    .toList();
            Map<String, Double> values =
                    HealthMonitor.sampleHealth(root, method.encoder(), method.head(), SPEC, images);
            assertThat(values.get(HealthMonitor.PROJECTION_STD))
                    .as("the projection std is the features' own")
                    .isEqualTo(values.get(HealthMonitor.STD));
        }
    }

    @Test
    void shouldNotReadATrainedRotationHeadOnUprightImagesAsCollapsed() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            RotNetMethod method = PretextFixtures.rotNet(root);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(3e-3f, 0),
                    new Collator(SPEC));
            for (int s = 0; s < 160; s++) {
                step.run(s, PretextFixtures.rotationBatch(32, 100 + s));
            }
            ExampleBatch heldOut = PretextFixtures.rotationBatch(64, 4);
            assertThat(PretextFixtures.accuracy(root, method, heldOut)).isGreaterThan(0.95);

            List<Tensor> upright = heldOut.examples().stream()
                    .map(PretextHeadHealthTest::uprightView)
                    .toList();
            double headStd = HealthMonitor.sampleHealth(root, method.encoder(), method.head(), SPEC, upright)
                    .get(HealthMonitor.PROJECTION_STD);
            double logitsStd = HealthMonitor.projectionStd(
                    root,
                    method.encoder(),
                    new SequentialBlock().add(method.head()).add(method.classifier()),
                    SPEC,
                    upright);
            assertThat(logitsStd).as("the logits").isLessThan(threshold(RotNetMethod.ROTATIONS));
            assertThat(headStd).as("head()").isGreaterThan(1.5 * threshold(HIDDEN));
        }
    }

    /** The collapse guard's default threshold for a {@code d}-dimensional output. */
    private static double threshold(int d) {
        return DEFAULT_COLLAPSE_FRACTION / Math.sqrt(d);
    }

    /** The view of a rotation example that was turned 0 times. */
    private static Tensor uprightView(Example example) {
        int[] turns = example.array(ArrayNames.TARGET).ints();
        for (int v = 0; v < turns.length; v++) {
            if (turns[v] == 0) {
                return example.array(ArrayNames.view(v));
            }
        }
        throw new IllegalArgumentException("No upright view in " + example);
    }

    private static void assertHealthAndWidths(
            NDManager root, PretextClassifierMethod method, ExampleBatch batch, int classes, int headWidth) {
        try (NDManager scope = root.newSubManager()) {
            NDList inputs = new Collator(SPEC).collate(scope, batch.examples(), method.inputs());
            NDArray logits = method.logits(new ParameterStore(scope, false), inputs, false);
            assertThat(logits.getShape().get(1)).isEqualTo(classes);
        }
        assertThat(HealthMonitor.outputDim(method.head(), SPEC.featureDim())).isEqualTo(headWidth);
        List<Tensor> images =
                batch.examples().stream().map(e -> e.array(ArrayNames.INPUT)).toList();
        Map<String, Double> values = HealthMonitor.sampleHealth(root, method.encoder(), method.head(), SPEC, images);
        assertThat(values.get(HealthMonitor.PROJECTION_STD)).isFinite().isPositive();
        assertThat(values.get(HealthMonitor.STD)).isFinite().isPositive();
    }
}
