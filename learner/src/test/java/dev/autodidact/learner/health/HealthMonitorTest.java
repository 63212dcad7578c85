package dev.autodidact.learner.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.TestBatches;
import dev.autodidact.learner.internal.Guards;
import dev.autodidact.learner.method.SimClrMethod;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.schema.example.Tensor;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private static final ConvEncoderSpec SPEC = ConvEncoderSpec.of(16, new int[] {8, 16}, 0);

    private static List<Tensor> images(int n) {
        return TestBatches.pairs(n, SPEC.inputSize(), 3).examples().stream()
                .map(e -> e.array("view.0"))
                .toList();
    }

    @Test
    void shouldMeasureFiniteHealthOfAnIntactEncoder() {
        try (NDManager root = NDManager.newBaseManager()) {
            SimClrMethod method = new SimClrMethod(root, SPEC, 32, 24, 0.5f);

            Map<String, Double> values =
                    HealthMonitor.sampleHealth(root, method.encoder(), method.head(), SPEC, images(32));

            assertThat(values)
                    .containsOnlyKeys(
                            HealthMonitor.STD,
                            HealthMonitor.RANKME,
                            HealthMonitor.UNIFORMITY,
                            HealthMonitor.PROJECTION_STD);
            assertThat(values.values()).allMatch(Double::isFinite);
            assertThat(HealthMonitor.outputDim(method.head(), SPEC.featureDim()))
                    .isEqualTo(24);
            assertThat(HealthMonitor.outputDim(null, SPEC.featureDim())).isZero();
        }
    }

    @Test
    void shouldReportNaNInsteadOfThrowingWhenTheEncoderWeightsAreNotFinite() {
        try (NDManager root = NDManager.newBaseManager()) {
            SimClrMethod method = new SimClrMethod(root, SPEC, 32, 24, 0.5f);
            method.trainableParameters().get(0).getValue().getArray().set(new NDIndex("0"), Float.NaN);

            Map<String, Double> values =
                    HealthMonitor.sampleHealth(root, method.encoder(), method.head(), SPEC, images(32));

            assertThat(values)
                    .containsOnlyKeys(
                            HealthMonitor.STD,
                            HealthMonitor.RANKME,
                            HealthMonitor.UNIFORMITY,
                            HealthMonitor.PROJECTION_STD);
            assertThat(values.values()).allMatch(v -> v.isNaN());
            Guards guards = new Guards(
                    new LearnerConfig(Map.of(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")),
                    new SimpleMeterRegistry(),
                    Tags.empty(),
                    null);
            assertThat(guards.holdBack(values, SPEC.featureDim(), 24, false)).isTrue();
        }
    }
}
