package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.autodidact.learner.model.MlpHead;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EmaTargetTest {
    private static Block head(NDManager m) {
        Block b = MlpHead.byol(6, 3).build();
        b.initialize(m, DataType.FLOAT32, new Shape(2, 4));
        return b;
    }

    private static List<Parameter> params(Block b) {
        List<Parameter> out = new ArrayList<>();
        b.getParameters().forEach(p -> out.add(p.getValue()));
        return out;
    }

    @Test
    void shouldStartAsAFrozenCopyOfTheOnlineNetwork() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block online = head(m);
            Block target = head(m);
            new EmaTarget(m, List.of(online), List.of(target));
            for (int i = 0; i < params(online).size(); i++) {
                assertThat(params(target).get(i).getArray().toFloatArray())
                        .containsExactly(params(online).get(i).getArray().toFloatArray());
                assertThat(params(target).get(i).requiresGradient()).isFalse();
                assertThat(params(target).get(i).getArray().hasGradient()).isFalse();
            }
        }
    }

    @Test
    void shouldAverageTrainableParametersInPlaceWithoutJoiningAGraphOnAnyThread() throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            Block online = head(m);
            Block target = head(m);
            EmaTarget ema = new EmaTarget(m, List.of(online), List.of(target));
            Parameter onlineWeight = params(online).get(0);
            Parameter targetWeight = params(target).get(0);
            float before = targetWeight.getArray().toFloatArray()[0];
            onlineWeight.getArray().addi(1f);
            int arrays = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
            // grad mode is per thread in PyTorch: the update must not depend on the calling thread
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    ema.update(0.75);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            worker.start();
            worker.join();
            assertThat(failure.get()).isNull();
            assertThat(targetWeight.getArray().toFloatArray()[0]).isCloseTo(before + 0.25f, within(1e-6f));
            assertThat(targetWeight.getArray().hasGradient()).isFalse();
            assertThat(((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size())
                    .isEqualTo(arrays);
        }
    }
}
