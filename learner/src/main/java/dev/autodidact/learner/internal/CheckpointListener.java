package dev.autodidact.learner.internal;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.checkpoint.CheckpointPublisher;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.train.CheckpointSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.Lineage;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainingListener;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a checkpoint when the {@link CheckpointSchedule} says one is due, and once more when the loop ends with
 * unpublished steps, unless the learner was halted. Before each, representation health is measured; while the guards
 * hold publishing back (collapse, non-finite embeddings) the checkpoint is deferred by a full interval.
 */
public final class CheckpointListener implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointListener.class);

    /** The parts a checkpoint is made of and published through. */
    public record Parts(
            NDManager root,
            SslMethod method,
            EncoderArchitecture encoder,
            Lineage lineage,
            ModelState model,
            CheckpointPublisher publisher,
            Supplier<ConsumerGroupMetadata> group) {}

    private final Parts parts;
    private final CheckpointSchedule schedule;
    private final HealthMonitor health;
    private final Guards guards;
    private final LearnerMetrics metrics;
    private final BooleanSupplier halted;
    private final BooleanSupplier collapseGuard;
    private ExampleBatch lastBatch;

    public CheckpointListener(
            Parts parts,
            CheckpointSchedule schedule,
            HealthMonitor health,
            Guards guards,
            LearnerMetrics metrics,
            BooleanSupplier halted,
            BooleanSupplier collapseGuard) {
        this.parts = parts;
        this.schedule = schedule;
        this.health = health;
        this.guards = guards;
        this.metrics = metrics;
        this.halted = halted;
        this.collapseGuard = collapseGuard;
    }

    @Override
    public void onStep(StepResult result, ExampleBatch batch) {
        lastBatch = batch;
        if (schedule.due(parts.lineage().step()) && !halted.getAsBoolean()) {
            checkpoint();
        }
    }

    @Override
    public void onEnd() {
        if (!halted.getAsBoolean()
                && schedule.hasUnpublishedSteps(parts.lineage().step())) {
            checkpoint();
        }
    }

    private void checkpoint() {
        SslMethod method = parts.method();
        Map<String, Double> values = health.measure(
                parts.root(), method.encoder(), method.head(), parts.encoder(), lastBatch, guards.lastGood());
        int d = parts.encoder().featureDim();
        if (guards.holdBack(values, d, HealthMonitor.outputDim(method.head(), d), collapseGuard.getAsBoolean())) {
            schedule.deferred(parts.lineage().step());
            return;
        }
        long start = System.nanoTime();
        Map<String, Double> manifestMetrics = new HashMap<>(values);
        manifestMetrics.put("samples.per.second", metrics.samplesPerSecond());
        Checkpoint checkpoint = parts.model().snapshot(parts.lineage(), manifestMetrics);
        parts.publisher()
                .publish(checkpoint, parts.lineage().offsets(), parts.group().get());
        parts.lineage().published(checkpoint.manifest().version());
        schedule.published(parts.lineage().step());
        guards.published(checkpoint);
        metrics.checkpoint(checkpoint, System.nanoTime() - start);
        LOG.info(
                "Published checkpoint v{} at step {} ({} samples, {} bytes, std {})",
                checkpoint.manifest().version(),
                checkpoint.manifest().step(),
                checkpoint.manifest().samplesSeen(),
                checkpoint.payload().length,
                values.get(HealthMonitor.STD));
    }
}
