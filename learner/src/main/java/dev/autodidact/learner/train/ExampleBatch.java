package dev.autodidact.learner.train;

import dev.autodidact.schema.example.Example;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One mini-batch of examples and, per partition, the offset after the last record it holds: once the step on this
 * batch has been applied, everything before those offsets has been trained on.
 */
public record ExampleBatch(List<Example> examples, Map<TopicPartition, Long> offsetsAfter) {

    public ExampleBatch {
        examples = List.copyOf(examples);
        offsetsAfter = Map.copyOf(offsetsAfter);
    }

    public int size() {
        return examples.size();
    }
}
