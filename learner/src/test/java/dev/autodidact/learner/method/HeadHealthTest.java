package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static dev.autodidact.learner.method.MethodFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.health.HealthMonitor;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collapse guard's view of every method's head: {@link HealthMonitor#outputDim} (the {@code d} of the projection
 * threshold, asked at every checkpoint) is the width a forward pass really produces, and the health code measures a
 * finite projection std on it.
 */
class HeadHealthTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                SimClrMethod.NAME,
                ByolMethod.NAME,
                MocoMethod.NAME,
                DinoMethod.NAME,
                SimSiamMethod.NAME,
                BarlowTwinsMethod.NAME,
                VicRegMethod.NAME
            })
    void shouldKnowTheHeadsOutputSizeAndMeasureItsStd(String name) {
        try (NDManager root = NDManager.newBaseManager()) {
            SslMethod method = create(name, root);
            int d = SPEC.featureDim();
            long width;
            try (NDManager scope = root.newSubManager()) {
                width = method.head()
                        .forward(new ParameterStore(scope, false), new NDList(scope.ones(new Shape(2, d))), false)
                        .singletonOrThrow()
                        .getShape()
                        .get(1);
            }

            assertThat(HealthMonitor.outputDim(method.head(), d)).as(name).isEqualTo(width);
            Map<String, Double> values = HealthMonitor.sampleHealth(
                    root,
                    method.encoder(),
                    method.head(),
                    SPEC,
                    batch(16, 0, 5).examples().stream()
                            .map(e -> e.array("view.0"))
                            .toList());
            assertThat(values.get(HealthMonitor.PROJECTION_STD)).as(name).isFinite();
        }
    }
}
