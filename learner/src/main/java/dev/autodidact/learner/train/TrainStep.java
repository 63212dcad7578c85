package dev.autodidact.learner.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.optim.Optimizer;

/**
 * One optimisation step of a method on a batch. Every array of the step is created on a sub-manager of
 * {@code root} that is closed before the step returns, so native memory stays flat however long the stream runs.
 * A non-finite loss skips the update (gradients are zeroed, and the batch-norm running statistics its forward pass
 * moved are put back) and is reported in the result, never silently applied.
 */
public final class TrainStep {
    private final NDManager root;
    private final SslMethod method;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final Collator collator;
    private final RunningStatsStore store;

    public TrainStep(
            NDManager root, SslMethod method, Optimizer optimizer, LearningRateSchedule schedule, Collator collator) {
        this.root = root;
        this.method = method;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.collator = collator;
        this.store = new RunningStatsStore(root);
    }

    /** Runs step number {@code step} (0-based) on {@code batch}. */
    public StepResult run(long step, ExampleBatch batch) {
        long start = System.nanoTime();
        float lr = schedule.at(step);
        try (NDManager scope = root.newSubManager()) {
            NDList inputs = collator.collate(scope, batch.examples(), method.inputs());
            float loss;
            store.begin();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = method.loss(store, inputs, step);
                collector.backward(value);
                loss = value.getFloat();
            }
            boolean finite = Float.isFinite(loss);
            if (finite) {
                optimizer.step(method.trainableParameters(), lr);
                method.afterStep(step);
            } else {
                Optimizer.zeroGradients(method.trainableParameters(), scope);
                store.restore();
            }
            return new StepResult(step, loss, finite, batch.size(), lr, System.nanoTime() - start);
        }
    }
}
