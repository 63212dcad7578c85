package dev.autodidact.learner.train;

import dev.autodidact.learner.LearnerProgress;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.checkpoint.OffsetRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where training stands: steps taken, samples seen, per partition the watermark (every consumed offset below it
 * trained on or dead-lettered) and the offsets at or above it already trained on, the last published version, the
 * last loss and the skipped steps. Restored from a checkpoint's manifest and written into the next one, together with
 * the offset ranges consumed since the parent version ({@link #consumed()}): which data made each version.
 */
public final class Lineage {
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private final Map<TopicPartition, List<Long>> trainedAhead = new HashMap<>();
    private final Map<TopicPartition, Long> parentOffsets = new HashMap<>();
    private final Map<TopicPartition, List<Long>> parentAhead = new HashMap<>();
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
        trainedAhead.clear();
        manifest.trainedAhead().forEach((k, v) -> trainedAhead.put(parse(k), OffsetRanges.offsets(v)));
        markParent();
    }

    private void markParent() {
        parentOffsets.clear();
        parentOffsets.putAll(offsets);
        parentAhead.clear();
        parentAhead.putAll(trainedAhead);
    }

    /** Manifest metric of the steps skipped so far. */
    public static final String SKIPPED_STEPS = "skipped.steps";

    public void advance(StepResult result, ExampleBatch batch) {
        step++;
        samplesSeen += batch.size();
        batch.offsetsAfter().forEach((tp, o) -> {
            offsets.merge(tp, o, Math::max);
            List<Long> ahead = batch.trainedAhead().getOrDefault(tp, List.of());
            long watermark = offsets.get(tp);
            trainedAhead.put(tp, ahead.stream().filter(a -> a >= watermark).toList());
        });
        lastLoss = result.loss();
        if (!result.applied()) {
            skipped++;
        }
    }

    /** {@code version} was published: it is the parent of the next. */
    public void published(long publishedVersion) {
        version = publishedVersion;
        markParent();
    }

    /** Per partition, the offsets at or above the watermark already trained on. */
    public Map<TopicPartition, List<Long>> trainedAhead() {
        return Map.copyOf(trainedAhead);
    }

    /** {@link #trainedAhead()} as a manifest writes it: ranges per {@code <topic>-<partition>}. */
    public Map<String, List<OffsetRange>> wireTrainedAhead() {
        Map<String, List<OffsetRange>> wire = new HashMap<>();
        trainedAhead.forEach((tp, a) -> {
            if (!a.isEmpty()) {
                wire.put(wire(tp), OffsetRanges.of(a));
            }
        });
        return wire;
    }

    /** Per {@code <topic>-<partition>}, the offset ranges consumed since the parent version. */
    public Map<String, List<OffsetRange>> consumed() {
        Map<String, List<OffsetRange>> wire = new HashMap<>();
        offsets.forEach((tp, w) -> {
            List<OffsetRange> ranges = OffsetRanges.added(
                    parentOffsets.getOrDefault(tp, 0L),
                    parentAhead.getOrDefault(tp, List.of()),
                    w,
                    trainedAhead.getOrDefault(tp, List.of()));
            if (!ranges.isEmpty()) {
                wire.put(wire(tp), ranges);
            }
        });
        return wire;
    }

    private static String wire(TopicPartition tp) {
        return tp.topic() + "-" + tp.partition();
    }

    /** The offsets as a manifest writes them: {@code <topic>-<partition>} to the next offset to train on. */
    public Map<String, Long> wireOffsets() {
        Map<String, Long> wire = new HashMap<>();
        offsets.forEach((tp, o) -> wire.put(wire(tp), o));
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
        return new TopicPartition(
                topicPartition.substring(0, dash), Integer.parseInt(topicPartition.substring(dash + 1)));
    }
}
