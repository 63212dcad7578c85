package dev.autodidact.learner.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.TestBatches;
import dev.autodidact.learner.method.ByolMethod;
import dev.autodidact.learner.method.MomentumSchedule;
import dev.autodidact.learner.method.SimClrMethod;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

public class TrainStepTest {
    static final ConvEncoderSpec SPEC = ConvEncoderSpec.of(16, new int[] {8, 16}, 1);

    public static ExampleBatch batch(int n, long seed) {
        return TestBatches.pairs(n, 16, seed);
    }

    private static float[] firstWeight(SslMethod method) {
        return method.trainableParameters().get(0).getValue().getArray().toFloatArray();
    }

    /** Every batch-norm running mean and variance of the method's encoder and head, concatenated. */
    private static float[] runningStatistics(SslMethod method) {
        List<float[]> parts = Stream.of(method.encoder(), method.head())
                .flatMap(block -> block.getParameters().values().stream())
                .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR)
                .map(p -> p.getArray().toFloatArray())
                .toList();
        assertThat(parts).as("the networks have batch norm").isNotEmpty();
        float[] all = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    @Test
    void shouldLowerTheLossOnARepeatedBatchWithoutLeakingArrays() {
        try (NDManager root = NDManager.newBaseManager()) {
            SimClrMethod method = new SimClrMethod(root, SPEC, 32, 16, 0.5f);
            AdamW adam = new AdamW(root, 0f);
            TrainStep step = new TrainStep(
                    root, method, adam, LearningRateSchedule.constantAfterWarmup(3e-3f, 0), new Collator(SPEC));
            ExampleBatch batch = batch(32, 7);
            float first = step.run(0, batch).loss();
            step.run(1, batch);
            int arraysAfterWarmup = ((BaseNDManager) root).getManagedArrays().size();
            float last = first;
            for (int i = 2; i < 30; i++) {
                StepResult r = step.run(i, batch);
                assertThat(r.applied()).isTrue();
                last = r.loss();
            }
            assertThat(last).isLessThan(first * 0.8f);
            assertThat(((BaseNDManager) root).getManagedArrays().size()).isEqualTo(arraysAfterWarmup);
            assertThat(adam.updates()).isEqualTo(30);
        }
    }

    @Test
    void shouldSkipAndNotApplyANonFiniteLoss() {
        try (NDManager root = NDManager.newBaseManager()) {
            SimClrMethod simclr = new SimClrMethod(root, SPEC, 32, 16, 0.5f);
            SslMethod poisoned = new PoisonedMethod(simclr);
            AdamW adam = new AdamW(root, 0f);
            TrainStep step = new TrainStep(
                    root, poisoned, adam, LearningRateSchedule.constantAfterWarmup(1e-3f, 0), new Collator(SPEC));
            float[] before = firstWeight(simclr);
            StepResult r = step.run(0, batch(8, 1));
            assertThat(r.applied()).isFalse();
            assertThat(r.loss()).isNaN();
            assertThat(firstWeight(simclr)).containsExactly(before);
            assertThat(adam.updates()).isZero();
            TrainStep healthy = new TrainStep(
                    root, simclr, adam, LearningRateSchedule.constantAfterWarmup(1e-3f, 0), new Collator(SPEC));
            assertThat(healthy.run(1, batch(8, 1)).applied()).isTrue();
            assertThat(firstWeight(simclr)).doesNotContain(Float.NaN);
        }
    }

    @Test
    void shouldLeaveBatchNormRunningStatisticsAsTheyWereWhenAStepIsSkipped() {
        try (NDManager root = NDManager.newBaseManager()) {
            SimClrMethod simclr = new SimClrMethod(root, SPEC, 32, 16, 0.5f);
            AdamW adam = new AdamW(root, 0f);
            LearningRateSchedule lr = LearningRateSchedule.constantAfterWarmup(1e-3f, 0);
            TrainStep poisoned = new TrainStep(root, new PoisonedMethod(simclr), adam, lr, new Collator(SPEC));
            TrainStep healthy = new TrainStep(root, simclr, adam, lr, new Collator(SPEC));
            float[] initial = runningStatistics(simclr);

            assertThat(poisoned.run(0, batch(8, 1)).applied()).isFalse();
            assertThat(runningStatistics(simclr))
                    .as("after a skipped first step")
                    .containsExactly(initial);

            assertThat(healthy.run(0, batch(8, 2)).applied()).isTrue();
            float[] trained = runningStatistics(simclr);
            assertThat(trained).as("an applied step moves them").isNotEqualTo(initial);

            assertThat(poisoned.run(1, batch(8, 3)).applied()).isFalse();
            int arrays = ((BaseNDManager) root).getManagedArrays().size();
            for (int i = 2; i < 6; i++) {
                assertThat(poisoned.run(i, batch(8, 3 + i)).applied()).isFalse();
            }
            assertThat(runningStatistics(simclr)).as("after skipped steps").containsExactly(trained);
            assertThat(((BaseNDManager) root).getManagedArrays().size())
                    .as("buffers reused")
                    .isEqualTo(arrays);
        }
    }

    @Test
    void shouldLeaveEveryNetworkOfTheMethodAsItWasWhenAStepIsSkipped() {
        try (NDManager root = NDManager.newBaseManager()) {
            ByolMethod byol =
                    new ByolMethod(root, SPEC, new ByolMethod.Settings(32, 16, MomentumSchedule.constant(0.9), false));
            AdamW adam = new AdamW(root, 0f);
            LearningRateSchedule lr = LearningRateSchedule.constantAfterWarmup(1e-3f, 0);
            new TrainStep(root, byol, adam, lr, new Collator(SPEC)).run(0, batch(8, 1));
            Map<String, byte[]> before = byol.saveState();

            TrainStep poisoned = new TrainStep(root, new PoisonedMethod(byol), adam, lr, new Collator(SPEC));
            StepResult skipped = poisoned.run(1, batch(8, 2));

            assertThat(skipped.applied()).isFalse();
            Map<String, byte[]> after = byol.saveState();
            assertThat(after.keySet())
                    .as("online and target networks")
                    .contains("encoder", "predictor", "target.encoder")
                    .containsExactlyElementsOf(before.keySet());
            before.forEach((section, bytes) -> assertThat(Arrays.equals(after.get(section), bytes))
                    .as(section)
                    .isTrue());
        }
    }

    /** A method whose loss is multiplied by NaN after its forward pass: what a diverged network produces. */
    private record PoisonedMethod(SslMethod inner) implements SslMethod {
        @Override
        public Block head() {
            return inner.head();
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<String> inputs() {
            return inner.inputs();
        }

        @Override
        public Block encoder() {
            return inner.encoder();
        }

        @Override
        public List<Pair<String, Parameter>> trainableParameters() {
            return inner.trainableParameters();
        }

        @Override
        public NDArray loss(ParameterStore store, NDList views, long step) {
            return inner.loss(store, views, step).mul(Float.NaN);
        }

        @Override
        public Map<String, String> architecture() {
            return inner.architecture();
        }

        @Override
        public Map<String, byte[]> saveState() {
            return inner.saveState();
        }

        @Override
        public void loadState(Map<String, byte[]> sections) {
            inner.loadState(sections);
        }
    }
}
