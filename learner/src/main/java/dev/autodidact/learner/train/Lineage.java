package dev.autodidact.learner.train;

import dev.autodidact.learner.LearnerProgress;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where training stands: steps taken, samples seen, the offset per partition everything before which has been
 * trained on, the last published version, the last loss and the skipped steps. Restored from a checkpoint's manifest
 * and written into the next one.
 */
public final class Lineage {
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private long step;
    private long samplesSeen;
    private long version;
    private double lastLoss = Double.NaN;
    private long skipped;

    /** Continues from {@code manifest}: its step, samples, version and offsets. */
    public void restore(CheckpointManifest manifest) {
        step = manifest.step();
        samplesSeen = manifest.samplesSeen();
        version = manifest.version();
        Double skippedSteps = manifest.metrics().get(SKIPPED_STEPS);
        skipped = skippedSteps == null ? 0 : skippedSteps.longValue();
        offsets.clear();
        manifest.offsets().forEach((k, v) -> offsets.put(parse(k), v));
    }

    /** Manifest metric of the steps skipped so far. */
    public static final String SKIPPED_STEPS = "skipped.steps";

    public void advance(StepResult result, ExampleBatch batch) {
        step++;
        samplesSeen += batch.size();
        batch.offsetsAfter().forEach((tp, o) -> offsets.merge(tp, o, Math::max));
        lastLoss = result.loss();
        if (!result.applied()) {
            skipped++;
        }
    }

    /** {@code version} was published. */
    public void published(long publishedVersion) {
        version = publishedVersion;
    }

    /** The offsets as a manifest writes them: {@code <topic>-<partition>} to the next offset to train on. */
    public Map<String, Long> wireOffsets() {
        Map<String, Long> wire = new HashMap<>();
        offsets.forEach((tp, o) -> wire.put(tp.topic() + "-" + tp.partition(), o));
        return wire;
    }

    /** The lineage's own manifest metrics: last loss (when finite) and skipped steps. */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new HashMap<>();
        if (Double.isFinite(lastLoss)) {
            metrics.put("loss", lastLoss);
        }
        metrics.put(SKIPPED_STEPS, (double) skipped);
        return metrics;
    }

    public Map<TopicPartition, Long> offsets() {
        return Map.copyOf(offsets);
    }

    public long step() {
        return step;
    }

    public long samplesSeen() {
        return samplesSeen;
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
