package dev.autodidact.learner.internal;

import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.LearnerProgress;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.optim.Optimizer;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything that defines where training stands: step, samples, trained-up-to offsets and the version lineage, plus
 * turning the method and optimizer into a checkpoint and back.
 */
public final class TrainingState {
    private static final String OPTIMIZER = "optimizer";

    private final LearnerConfig config;
    private final SslMethod method;
    private final Optimizer optimizer;
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private long step;
    private long samplesSeen;
    private long version;
    private long publishedStep = -1;
    private long deferredAtStep = -1;
    private long lastPublishNanos = System.nanoTime();
    private double lastLoss = Double.NaN;
    private long skipped;

    public TrainingState(LearnerConfig config, SslMethod method, Optimizer optimizer) {
        this.config = config;
        this.method = method;
        this.optimizer = optimizer;
    }

    public void restore(Checkpoint cp) {
        CheckpointManifest m = cp.manifest();
        rollBackWeights(cp);
        step = m.step();
        samplesSeen = m.samplesSeen();
        version = m.version();
        publishedStep = step;
        offsets.clear();
        m.offsets().forEach((k, v) -> offsets.put(parse(k), v));
    }

    /**
     * Puts the checkpoint's weights, method state and optimizer moments back, keeping the step, samples and offsets:
     * the batches trained since are consumed but their updates undone.
     */
    public void rollBackWeights(Checkpoint cp) {
        Map<String, byte[]> sections = new HashMap<>();
        cp.manifest().sections().forEach(s -> sections.put(s.name(), cp.section(s.name())));
        method.loadState(sections);
        if (sections.containsKey(OPTIMIZER)) {
            optimizer.load(sections.get(OPTIMIZER));
        }
    }

    /** Postpones the next time-based checkpoint by a full interval (used while publishing is held back). */
    public void deferCheckpoint() {
        lastPublishNanos = System.nanoTime();
        deferredAtStep = step;
    }

    public void advance(StepResult result, ExampleBatch batch) {
        step++;
        samplesSeen += batch.size();
        batch.offsetsAfter().forEach((tp, o) -> offsets.merge(tp, o, Math::max));
        lastLoss = result.loss();
        if (!result.applied()) {
            skipped++;
        }
    }

    public boolean checkpointDue() {
        long everySteps = config.getLong(LearnerConfig.CHECKPOINT_INTERVAL_STEPS);
        long everyNanos = config.getLong(LearnerConfig.CHECKPOINT_INTERVAL_MS) * 1_000_000L;
        return hasUnpublishedSteps()
                && (step - Math.max(Math.max(publishedStep, deferredAtStep), 0) >= everySteps
                        || System.nanoTime() - lastPublishNanos >= everyNanos);
    }

    public boolean hasUnpublishedSteps() {
        return step > 0 && step != publishedStep;
    }

    public Checkpoint snapshot() {
        return snapshot(Map.of());
    }

    /** The current state as the next checkpoint version, with {@code extraMetrics} in its manifest. */
    public Checkpoint snapshot(Map<String, Double> extraMetrics) {
        Map<String, byte[]> sections = new LinkedHashMap<>(method.saveState());
        sections.put(OPTIMIZER, optimizer.save());
        Map<String, Long> wireOffsets = new HashMap<>();
        offsets.forEach((tp, o) -> wireOffsets.put(tp.topic() + "-" + tp.partition(), o));
        Map<String, Double> metrics = new HashMap<>();
        if (Double.isFinite(lastLoss)) {
            metrics.put("loss", lastLoss);
        }
        metrics.put("skipped.steps", (double) skipped);
        metrics.putAll(extraMetrics);
        CheckpointManifest draft = new CheckpointManifest(version + 1, version, method.name(),
                config.modality().id(), method.architecture(), step, samplesSeen, wireOffsets, metrics, List.of(),
                0, 0, "", System.currentTimeMillis());
        return CheckpointCodec.assemble(draft, sections, config.getInt(LearnerConfig.CHECKPOINT_CHUNK_BYTES));
    }

    public void published(Checkpoint cp) {
        version = cp.manifest().version();
        publishedStep = step;
        lastPublishNanos = System.nanoTime();
    }

    public Map<TopicPartition, Long> offsets() {
        return Map.copyOf(offsets);
    }

    public long step() {
        return step;
    }

    public long version() {
        return version;
    }

    public LearnerProgress progress(double samplesPerSecond) {
        return new LearnerProgress(step, samplesSeen, lastLoss, samplesPerSecond, version, skipped);
    }

    private static TopicPartition parse(String topicPartition) {
        int dash = topicPartition.lastIndexOf('-');
        return new TopicPartition(topicPartition.substring(0, dash),
                Integer.parseInt(topicPartition.substring(dash + 1)));
    }
}
