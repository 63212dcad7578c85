package dev.autodidact.learner.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private static final float[] START = {1.0f, -2.0f, 0.5f};
    private static final float[] SCALE = {0.5f, 1.0f, 2.0f};

    /** The gradient of {@code sum(scale * w^2)} is {@code 2 scale w}. */
    private static void backward(NDManager manager, Parameter w) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(w.getArray().square().mul(manager.create(SCALE)).sum());
        }
    }

    private static Parameter parameter(NDManager manager) {
        NDArray array = manager.create(START.clone());
        array.setRequiresGradient(true);
        return Parameter.builder()
                .setName("w")
                .setType(Parameter.Type.WEIGHT)
                .optArray(array)
                .build();
    }

    private static float[] run(Optimizer optimizer, NDManager manager, Parameter w, float[] rates) {
        for (float lr : rates) {
            backward(manager, w);
            optimizer.step(List.of(new Pair<>("net.w", w)), lr);
        }
        return w.getArray().toFloatArray();
    }

    @Test
    void shouldMatchPyTorchSgdWithMomentumAndWeightDecay() {
        float lr = 0.1f;
        float mu = 0.9f;
        float wd = 0.01f;
        try (NDManager manager = NDManager.newBaseManager();
                SgdMomentum sgd = new SgdMomentum(manager, mu, wd)) {
            float[] got = run(sgd, manager, parameter(manager), new float[] {lr, lr, lr});
            float[] expected = new float[START.length];
            for (int i = 0; i < START.length; i++) {
                double w = START[i];
                double buf = 0;
                for (int step = 0; step < 3; step++) {
                    double g = 2 * SCALE[i] * w + wd * w;
                    buf = step == 0 ? g : mu * buf + g;
                    w -= lr * buf;
                }
                expected[i] = (float) w;
            }
            assertArrayEquals(expected, got, 1e-5f);
            assertEquals(3, sgd.updates());
        }
    }

    @Test
    void shouldMatchAdamWWithBiasCorrectionAndDecoupledDecay() {
        float lr = 0.01f;
        float wd = 0.1f;
        try (NDManager manager = NDManager.newBaseManager();
                AdamW adam = new AdamW(manager, 0.9f, 0.999f, 1e-8f, wd)) {
            float[] got = run(adam, manager, parameter(manager), new float[] {lr, lr});
            for (int i = 0; i < START.length; i++) {
                double w = START[i];
                double m = 0;
                double v = 0;
                for (int t = 1; t <= 2; t++) {
                    double g = 2 * SCALE[i] * w;
                    m = 0.9 * m + 0.1 * g;
                    v = 0.999 * v + 0.001 * g * g;
                    double mHat = m / (1 - Math.pow(0.9, t));
                    double vHat = v / (1 - Math.pow(0.999, t));
                    w -= lr * (mHat / (Math.sqrt(vHat) + 1e-8) + wd * w);
                }
                assertEquals(w, got[i], 1e-5, "element " + i);
            }
        }
    }

    @Test
    void shouldContinueIdenticallyAfterSaveAndLoad() {
        for (String name : List.of("adamw", "sgd")) {
            try (NDManager manager = NDManager.newBaseManager();
                    Optimizer straight = Optimizer.create(name, manager, 1e-3f, 0.9f);
                    Optimizer first = Optimizer.create(name, manager, 1e-3f, 0.9f);
                    Optimizer resumed = Optimizer.create(name, manager, 1e-3f, 0.9f)) {
                float[] expected = run(straight, manager, parameter(manager), new float[] {0.05f, 0.05f, 0.05f});
                Parameter w = parameter(manager);
                run(first, manager, w, new float[] {0.05f, 0.05f});
                resumed.load(first.save());
                assertEquals(2, resumed.updates());
                assertArrayEquals(expected, run(resumed, manager, w, new float[] {0.05f}), 1e-6f, name);
            }
        }
    }

    @Test
    void shouldRefuseStateOfAnotherOptimizer() {
        try (NDManager manager = NDManager.newBaseManager();
                AdamW adam = new AdamW(manager, 0f);
                SgdMomentum sgd = new SgdMomentum(manager, 0.9f, 0f)) {
            run(adam, manager, parameter(manager), new float[] {0.01f});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.load(adam.save()));
            assertTrue(e.getMessage().contains("another optimizer"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Optimizer.create("lars", manager, 0f, 0.9f));
        }
    }

    @Test
    void shouldRefuseStateWhoseArrayLengthsExceedItsBytesBeforeAllocating() {
        try (NDManager manager = NDManager.newBaseManager();
                AdamW adam = new AdamW(manager, 0f);
                AdamW other = new AdamW(manager, 0f)) {
            run(adam, manager, parameter(manager), new float[] {0.01f});
            byte[] state = adam.save();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(state);
            int idLength = buf.getShort(16) & 0xffff;
            buf.putInt(18 + idLength, Integer.MAX_VALUE);
            assertThrows(dev.autodidact.schema.checkpoint.CheckpointException.class, () -> other.load(state));
        }
    }
}
