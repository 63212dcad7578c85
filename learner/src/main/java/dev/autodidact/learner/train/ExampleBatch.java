package dev.autodidact.learner.train;

import dev.autodidact.schema.example.Example;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One mini-batch of examples and where consumption stands once the step on it has been applied: per partition the
 * watermark (every consumed offset below it trained on or dead-lettered) and the offsets at or above it already
 * trained on ({@link ShuffleBuffer}).
 *
 * @param examples the examples, fresh ones first, then replayed ones
 * @param offsetsAfter per partition, the lowest offset not yet trained on
 * @param trainedAhead per partition, offsets at or above {@code offsetsAfter} already trained on
 * @param replayed how many of {@code examples} (the last ones) were replayed rather than read from the stream
 */
public record ExampleBatch(
        List<Example> examples,
        Map<TopicPartition, Long> offsetsAfter,
        Map<TopicPartition, List<Long>> trainedAhead,
        int replayed) {

    public ExampleBatch {
        examples = List.copyOf(examples);
        offsetsAfter = Map.copyOf(offsetsAfter);
        trainedAhead = Map.copyOf(trainedAhead);
    }

    /** A batch read in order: nothing trained ahead, nothing replayed. */
    public ExampleBatch(List<Example> examples, Map<TopicPartition, Long> offsetsAfter) {
        this(examples, offsetsAfter, Map.of(), 0);
    }

    public ExampleBatch(
            List<Example> examples,
            Map<TopicPartition, Long> offsetsAfter,
            Map<TopicPartition, List<Long>> trainedAhead) {
        this(examples, offsetsAfter, trainedAhead, 0);
    }

    public int size() {
        return examples.size();
    }

    /** The examples read from the stream (not replayed). */
    public List<Example> fresh() {
        return examples.subList(0, examples.size() - replayed);
    }

    /** This batch with {@code extra} replayed examples appended. */
    public ExampleBatch withReplayed(List<Example> extra) {
        List<Example> all = new java.util.ArrayList<>(examples);
        all.addAll(extra);
        return new ExampleBatch(all, offsetsAfter, trainedAhead, replayed + extra.size());
    }
}
