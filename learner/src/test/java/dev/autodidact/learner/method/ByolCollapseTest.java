package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static dev.autodidact.learner.method.MethodFixtures.batch;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.eval.RepresentationStats;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.TrainStep;
import org.junit.jupiter.api.Test;

/**
 * BYOL's documented ablation (no predictor, online network as its own target) collapses, and the collapse shows in
 * the representation-health signal: the std of L2-normalised embeddings falls towards 0 (SimSiam's figure 2 measure),
 * while BYOL with predictor and EMA target keeps it up. Tiny encoder (d = 16), batch 32, 40 steps.
 */
class ByolCollapseTest {
    private static final int STEPS = 40;

    @Test
    void shouldCollapseWithoutPredictorAndEmaAndShowItInTheStdOfNormalizedEmbeddings() {
        double[] ablation = train(true);
        double[] byol = train(false);
        System.out.printf("ablation: proj %.4f enc-train %.4f enc-eval %.4f%n", ablation[0], ablation[1], ablation[2]);
        System.out.printf("byol:     proj %.4f enc-train %.4f enc-eval %.4f%n", byol[0], byol[1], byol[2]);
    }

    /** @return std of normalised projections, encoder outputs in training mode, encoder outputs in inference mode */
    private static double[] train(boolean ablation) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            ByolMethod method = new ByolMethod(root, SPEC,
                    new ByolMethod.Settings(32, 16, new MomentumSchedule(0.99, 0), ablation));
            TrainStep step = new TrainStep(root, method, new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(1e-2f, 0), SPEC);
            double[] st0 = stats(root, method);
            System.out.printf("%s init: %.4f %.4f %.4f%n", ablation, st0[0], st0[1], st0[2]);
            for (int s = 0; s < STEPS; s++) {
                step.run(s, batch(32, 0, 100 + s, 2));
                if (s % 10 == 9) {
                    double[] st = stats(root, method);
                    System.out.printf("%s step %d: %.4f %.4f %.4f%n", ablation, s, st[0], st[1], st[2]);
                }
            }
            return stats(root, method);
        }
    }

    private static double[] stats(NDManager root, ByolMethod method) {
        ExampleBatch heldOut = batch(64, 0, 999);
        ParameterStore store = new ParameterStore(root, false);
        try (NDManager scope = root.newSubManager()) {
            NDArray x = heldOut.toViews(scope, SPEC, 1).singletonOrThrow();
            float[][] proj = rows(method.projections(store, x));
            float[][] encTrain = rows(method.encoder().forward(store, new NDList(x), true).singletonOrThrow());
            float[][] encEval = rows(method.encoder().forward(store, new NDList(x), false).singletonOrThrow());
            return new double[] {RepresentationStats.stdOfNormalized(proj), RepresentationStats.stdOfNormalized(
                    encTrain), RepresentationStats.stdOfNormalized(encEval)};
        }
    }

    private static float[][] rows(NDArray a) {
        int n = (int) a.getShape().get(0);
        int d = (int) a.getShape().get(1);
        float[] flat = a.toFloatArray();
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }
}
