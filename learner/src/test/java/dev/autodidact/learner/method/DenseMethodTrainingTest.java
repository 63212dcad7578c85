package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.DenseFixtures.SPEC;
import static dev.autodidact.learner.method.DenseFixtures.batch;
import static dev.autodidact.learner.method.DenseFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.example.ArrayNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dense methods (inpainting, colorization, denoising autoencoder), with each bottleneck they can decode from, learn
 * on a repeated batch of hand-made examples that their own validation accepts, with the number of arrays on the
 * long-lived manager flat from step to step (the pattern of {@link MethodTrainingTest}); the pooled decoder's gradient
 * reaches the encoder; and the health monitor's collapse statistics work on their identity head.
 */
class DenseMethodTrainingTest {
    private static final int STEPS = 15;

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("dev.autodidact.learner.method.DenseFixtures#variants")
    void shouldLowerTheLossOnARepeatedBatchWithoutGrowingTheManagedArrays(String name, Bottleneck bottleneck) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            SslMethod method = create(name, bottleneck, root);
            ExampleBatch batch = batch(name, 16, 7);
            ExampleValidator validator =
                    new ExampleValidator(method.inputs(), method.canonicalInputs(), SPEC, method::checkExample);
            batch.examples().forEach(validator::check);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(3e-3f, 0),
                    new Collator(SPEC));
            step.run(0, batch);
            step.run(1, batch);
            float first = step.run(2, batch).loss();
            int arrays = ((BaseNDManager) root).getManagedArrays().size();
            float last = first;
            for (int s = 3; s < STEPS; s++) {
                StepResult r = step.run(s, batch);
                assertThat(r.applied()).isTrue();
                last = r.loss();
            }
            assertThat(last)
                    .as("%s from %s: loss %f -> %f", name, bottleneck, first, last)
                    .isLessThan(first - 0.05f * Math.abs(first));
            assertThat(((BaseNDManager) root).getManagedArrays().size())
                    .as("%s from %s: arrays", name, bottleneck)
                    .isEqualTo(arrays);
        }
    }

    /**
     * With the pooled bottleneck the whole reconstruction passes through the encoder's output, so the loss's gradient
     * reaches every trainable parameter of the encoder, its last layer (the last stage's convolution and batch norm,
     * right before the global pooling) included, and every parameter of the seed network.
     */
    @ParameterizedTest
    @ValueSource(strings = {InpaintingMethod.NAME, DenoisingAeMethod.NAME})
    void shouldPassThePooledDecodersGradientToTheEncodersLastLayer(String name) {
        try (NDManager root = NDManager.newBaseManager();
                NDManager scope = root.newSubManager()) {
            Engine.getInstance().setRandomSeed(5);
            SslMethod method = create(name, Bottleneck.POOLED, root);
            NDList inputs = new Collator(SPEC).collate(scope, batch(name, 8, 3).examples(), method.inputs());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(method.loss(new ParameterStore(scope, false), inputs, 0));
            }
            List<Pair<String, Parameter>> encoder = method.trainableParameters().stream()
                    .filter(p -> p.getKey().startsWith(SslMethod.ENCODER_SECTION + "."))
                    .toList();
            Pair<String, Parameter> lastConv = encoder.stream()
                    .filter(p -> p.getValue().getArray().getShape().dimension() == 4)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(gradientNorm(lastConv.getValue()))
                    .as("%s: gradient of the encoder's last convolution %s", name, lastConv.getKey())
                    .isGreaterThan(0f);
            assertThat(method.trainableParameters())
                    .as("%s: every encoder and decoder parameter gets a gradient", name)
                    .allSatisfy(p -> assertThat(gradientNorm(p.getValue()))
                            .as(p.getKey())
                            .isGreaterThan(0f));
        }
    }

    private static float gradientNorm(Parameter p) {
        try (NDArray g = p.getArray().getGradient()) {
            return g.abs().sum().getFloat();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {InpaintingMethod.NAME, ColorizationMethod.NAME, DenoisingAeMethod.NAME})
    void shouldMeasureCollapseOnTheEncodersOwnFeaturesThroughTheIdentityHead(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod method = create(name, root);
            int d = SPEC.featureDim();

            assertThat(HealthMonitor.outputDim(method.head(), d)).isEqualTo(d);
            Map<String, Double> values = HealthMonitor.sampleHealth(
                    root,
                    method.encoder(),
                    method.head(),
                    SPEC,
                    batch(name, 16, 5).examples().stream()
                            .map(e -> e.array(ArrayNames.INPUT))
                            .toList());
            assertThat(values.get(HealthMonitor.PROJECTION_STD))
                    .as(name)
                    .isFinite()
                    .isPositive();
            assertThat(values.get(HealthMonitor.PROJECTION_STD))
                    .as("identity head: the projection std is the features' std")
                    .isCloseTo(values.get(HealthMonitor.STD), within(1e-6));
        }
    }
}
