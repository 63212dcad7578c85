package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.SourceIds;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MoCo keeps the source of each queued key, so that on a repeating stream the previous pass's key of the query's own
 * image is not used as its negative; the ids survive a checkpoint, and an example without its id is refused.
 */
class MocoSourceTest {
    private static MocoMethod moco(NDManager m) {
        return new MocoMethod(m, SPEC, new MocoMethod.Settings(32, 16, 32, 0.2f, MomentumSchedule.constant(0.9)));
    }

    private static long[] ids(ExampleBatch batch) {
        return batch.examples().stream()
                .mapToLong(e -> e.array(ArrayNames.SOURCE_ID).longs()[0])
                .toArray();
    }

    @Test
    void shouldQueueTheSourceIdOfEachKeyAndKeepThemThroughACheckpoint() {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            MocoMethod method = moco(root);
            assertThat(method.queueSourceIds()).containsOnly(MocoMethod.NO_SOURCE);
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(1e-3f, 0),
                    new Collator(SPEC));
            ExampleBatch batch = batch(8, 0, 11);
            step.run(0, batch);
            long[] queued = method.queueSourceIds();
            assertThat(Arrays.copyOfRange(queued, 0, 8)).containsExactly(ids(batch));
            assertThat(Arrays.copyOfRange(queued, 8, 32)).containsOnly(MocoMethod.NO_SOURCE);

            MocoMethod restored = moco(root);
            restored.loadState(method.saveState());
            assertThat(restored.queueSourceIds()).containsExactly(queued);

            Map<String, byte[]> older = new java.util.LinkedHashMap<>(method.saveState());
            older.remove("queue.ids");
            restored.loadState(older);
            assertThat(restored.queueSourceIds())
                    .as("a checkpoint from before source ids: no key is excluded")
                    .containsOnly(MocoMethod.NO_SOURCE);
        }
    }

    @Test
    void shouldRefuseAnExampleWithoutAnI64SourceId() {
        try (NDManager root = NDManager.newBaseManager()) {
            MocoMethod method = moco(root);
            Example tagged = batch(1, 0, 3).examples().get(0);
            method.checkExample(tagged);
            Example.Builder wrong = new Example.Builder();
            tagged.metadata().forEach(wrong::meta);
            tagged.arrays().forEach((name, array) -> {
                if (!name.equals(ArrayNames.SOURCE_ID)) {
                    wrong.put(name, array);
                }
            });
            wrong.put(ArrayNames.SOURCE_ID, Tensor.f32(new int[] {1}, new float[] {1}));
            assertThatThrownBy(() -> method.checkExample(wrong.build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("source.id");
            assertThat(method.inputs()).contains(ArrayNames.SOURCE_ID);
        }
    }

    @Test
    void shouldGiveEveryExampleOfOneRecordKeyTheSameIdAndKeylessRecordsTheirOwn() {
        Example e = Example.builder(Modality.IMAGE)
                .put(ArrayNames.INPUT, Tensor.f32(new int[] {1}, new float[] {0}))
                .build();
        long a1 = SourceIds.tag(e, "a.jpg".getBytes(), "t", 0, 1)
                .array(ArrayNames.SOURCE_ID)
                .longs()[0];
        Example onceTagged = SourceIds.tag(e, "a.jpg".getBytes(), "t", 3, 900);
        long a2 = onceTagged.array(ArrayNames.SOURCE_ID).longs()[0];
        long b = SourceIds.tag(e, "b.jpg".getBytes(), "t", 0, 2)
                .array(ArrayNames.SOURCE_ID)
                .longs()[0];
        long keyless1 =
                SourceIds.tag(e, null, "t", 0, 7).array(ArrayNames.SOURCE_ID).longs()[0];
        long keyless2 =
                SourceIds.tag(e, null, "t", 0, 8).array(ArrayNames.SOURCE_ID).longs()[0];
        assertThat(a1).isEqualTo(a2).isNotEqualTo(b);
        assertThat(keyless1).isNotEqualTo(keyless2).isNotEqualTo(a1);
        assertThat(SourceIds.tag(onceTagged, "b.jpg".getBytes(), "t", 0, 2)
                        .array(ArrayNames.SOURCE_ID)
                        .longs())
                .as("tagging again replaces the id")
                .containsExactly(b);
    }
}
