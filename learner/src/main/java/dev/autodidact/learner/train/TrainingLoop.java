package dev.autodidact.learner.train;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The unbounded, step-based training loop: takes a batch, runs one step on it, records where training stands in the
 * {@link Lineage}, then tells the listeners. It knows no modality, method, topic or checkpoint format.
 */
public final class TrainingLoop {
    /** Where batches come from. */
    @FunctionalInterface
    public interface BatchSource {
        /** The next batch, if one is ready within {@code maxWait}. */
        Optional<ExampleBatch> next(Duration maxWait);
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final TrainStep step;
    private final Lineage lineage;
    private final BatchSource source;
    private final List<TrainingListener> listeners;

    public TrainingLoop(TrainStep step, Lineage lineage, BatchSource source, List<TrainingListener> listeners) {
        this.step = step;
        this.lineage = lineage;
        this.source = source;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains until {@code stop} says so, {@code maxSteps} steps in total are done ({@code < 0}: no limit) or
     * {@code maxDuration} has passed (empty: no limit).
     */
    public void run(BooleanSupplier stop, long maxSteps, Optional<Duration> maxDuration) {
        long deadline = maxDuration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        while (!stop.getAsBoolean() && (maxSteps < 0 || lineage.step() < maxSteps) && System.nanoTime() < deadline) {
            long waitStart = System.nanoTime();
            Optional<ExampleBatch> batch = source.next(POLL);
            long waited = System.nanoTime() - waitStart;
            listeners.forEach(l -> l.onDataWait(waited));
            if (batch.isEmpty()) {
                continue;
            }
            StepResult result = step.run(lineage.step(), batch.get());
            lineage.advance(result, batch.get());
            for (TrainingListener l : listeners) {
                l.onStep(result, batch.get());
            }
        }
        listeners.forEach(TrainingListener::onEnd);
    }
}
