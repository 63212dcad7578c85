package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DeepCluster in the training loop, on the tiny encoder of {@link MethodFixtures}: with 16-example batches (32
 * projections a step) and a buffer of 64 rows, it clusters the first batch at step 0, again at step 1 when the buffer
 * is first full, and then every {@code RECLUSTER} steps; the loss goes down on a repeated batch across those
 * reclusterings with a flat count of long-lived arrays; centroids, buffer and clustering step survive a checkpoint.
 */
class DeepClusterMethodTest {
    private static final int BATCH = 16;
    private static final int RECLUSTER = 4;
    private static final LearningRateSchedule LR = LearningRateSchedule.constantAfterWarmup(3e-3f, 0);

    private static DeepClusterMethod create(NDManager manager) {
        return new DeepClusterMethod(manager, SPEC, new DeepClusterMethod.Settings(32, 16, 8, 64, RECLUSTER, 5, 0.1f));
    }

    private static TrainStep trainer(NDManager root, DeepClusterMethod method, AdamW adam) {
        return new TrainStep(root, method, adam, LR, new Collator(SPEC));
    }

    @Test
    void shouldClusterTheFirstBatchThenTheNewlyFullBufferThenEveryReclusterSteps() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            DeepClusterMethod method = create(root);
            TrainStep step = trainer(root, method, new AdamW(root, 0f));
            assertThat(method.lastClusteringStep()).isEqualTo(-1);
            long[] expected = {0, 1, 1, 1, 1, 5, 5, 5, 5, 9};
            for (int s = 0; s < expected.length; s++) {
                step.run(s, batch(BATCH, 0, s));
                assertThat(method.lastClusteringStep()).as("after step %d", s).isEqualTo(expected[s]);
            }
            assertThat(method.reseededClusters()).isNotNegative();
        }
    }

    @Test
    void shouldLowerTheLossOnARepeatedBatchAcrossReclusteringsWithoutGrowingTheManagedArrays() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            DeepClusterMethod method = create(root);
            TrainStep step = trainer(root, method, new AdamW(root, 0f));
            ExampleBatch batch = batch(BATCH, 0, 7);
            step.run(0, batch);
            step.run(1, batch);
            float first = step.run(2, batch).loss();
            int arrays = ((BaseNDManager) root).getManagedArrays().size();
            float last = first;
            for (int s = 3; s < 15; s++) {
                StepResult r = step.run(s, batch);
                assertThat(r.applied()).isTrue();
                assertThat(((BaseNDManager) root).getManagedArrays().size())
                        .as("arrays after step %d", s)
                        .isEqualTo(arrays);
                last = r.loss();
            }
            assertThat(method.lastClusteringStep()).as("reclustered on the way").isEqualTo(13);
            assertThat(last).as("loss %f -> %f", first, last).isLessThan(first - 0.05f * Math.abs(first));
        }
    }

    @Test
    void shouldContinueFromARestoredCheckpointExactlyAsTheUninterruptedRun() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            DeepClusterMethod original = create(root);
            AdamW adam = new AdamW(root, 1e-4f);
            TrainStep run = trainer(root, original, adam);
            for (int s = 0; s < 4; s++) {
                run.run(s, batch(BATCH, 0, s));
            }
            Map<String, byte[]> sections = new HashMap<>(original.saveState());
            byte[] optimizer = adam.save();
            float[] centroids = original.centroidValues();
            float[] uninterrupted = new float[4];
            for (int s = 4; s < 8; s++) {
                uninterrupted[s - 4] = run.run(s, batch(BATCH, 0, s)).loss();
            }
            assertThat(original.lastClusteringStep())
                    .as("a reclustering after the save")
                    .isEqualTo(5);

            Engine.getInstance().setRandomSeed(12);
            DeepClusterMethod restored = create(root);
            AdamW restoredAdam = new AdamW(root, 1e-4f);
            restored.loadState(sections);
            restoredAdam.load(optimizer);
            assertThat(restored.lastClusteringStep()).isEqualTo(1);
            assertThat(restored.centroidValues()).containsExactly(centroids);
            TrainStep resumed = trainer(root, restored, restoredAdam);
            for (int s = 4; s < 8; s++) {
                assertThat(resumed.run(s, batch(BATCH, 0, s)).loss())
                        .as("step %d", s)
                        .isCloseTo(uninterrupted[s - 4], within(1e-5f * Math.max(1f, uninterrupted[s - 4])));
            }
            assertThat(restored.centroidValues()).containsExactly(original.centroidValues());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"centroids", "projections"})
    void shouldRefuseACheckpointThatLacksTheClusteringState(String section) {
        try (NDManager root = NDManager.newBaseManager()) {
            Map<String, byte[]> sections = new HashMap<>(create(root).saveState());
            assertThat(sections).containsKey(section);
            sections.remove(section);
            assertThatThrownBy(() -> create(root).loadState(sections))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(section);
        }
    }

    @Test
    void shouldExposeTheProjectionHeadToTheHealthMonitor() {
        try (NDManager root = NDManager.newBaseManager()) {
            assertThat(HealthMonitor.outputDim(create(root).head(), SPEC.featureDim()))
                    .isEqualTo(16);
        }
    }

    @Test
    void shouldRefuseABufferSmallerThanTheClustersOrTooManySimilarities() {
        assertThatThrownBy(() -> new DeepClusterMethod.Settings(32, 16, 100, 64, 10, 5, 0.1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 clusters");
        assertThatThrownBy(() -> new DeepClusterMethod.Settings(32, 16, 1 << 14, 1 << 16, 10, 5, 0.1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("similarities");
    }
}
