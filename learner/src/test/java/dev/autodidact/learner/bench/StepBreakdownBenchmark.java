package dev.autodidact.learner.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.TestBatches;
import dev.autodidact.learner.method.SimClrMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.train.ExampleBatch;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Where a SimCLR step's time goes: tensor packing, forward, backward, optimizer. On request only. */
class StepBreakdownBenchmark {
    @Test
    void breakdown() {
        Assumptions.assumeTrue(Boolean.getBoolean("autodidact.benchmark"));
        ExampleBatch batch = TestBatches.pairs(256, 32, 1);
        ConvEncoderSpec spec = ConvEncoderSpec.of(32, new int[] {32, 64, 128}, 0);
        try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice())) {
            SimClrMethod method = new SimClrMethod(root, spec, 128, 64, 0.2f);
            AdamW adam = new AdamW(root, 1e-4f);
            ParameterStore store = new ParameterStore(root, false);
            long[] t = new long[4];
            for (int i = 0; i < 13; i++) {
                try (NDManager scope = root.newSubManager()) {
                    long a = System.nanoTime();
                    NDList views = new Collator(spec).collate(scope, batch.examples(), method.inputs());
                    long b = System.nanoTime();
                    long c;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = method.loss(store, views, i);
                        loss.getFloat();
                        c = System.nanoTime();
                        gc.backward(loss);
                    }
                    long d = System.nanoTime();
                    adam.step(method.trainableParameters(), 1e-3f);
                    long e = System.nanoTime();
                    if (i >= 3) {
                        t[0] += b - a;
                        t[1] += c - b;
                        t[2] += d - c;
                        t[3] += e - d;
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "pack %.3f forward %.3f backward %.3f optimizer %.3f (s/step, threads %s)%n",
                    t[0] / 1e10,
                    t[1] / 1e10,
                    t[2] / 1e10,
                    t[3] / 1e10,
                    System.getProperty("ai.djl.pytorch.num_threads"));
        }
    }
}
