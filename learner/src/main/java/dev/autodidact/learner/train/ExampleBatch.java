package dev.autodidact.learner.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.ImageViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One mini-batch of examples and, per partition, the offset after the last record it holds: once the step on this
 * batch has been applied, everything before those offsets has been trained on.
 */
public record ExampleBatch(List<ImageViews> examples, Map<TopicPartition, Long> offsetsAfter) {

    public ExampleBatch {
        examples = List.copyOf(examples);
        offsetsAfter = Map.copyOf(offsetsAfter);
    }

    public int size() {
        return examples.size();
    }

    /** One (N, 3, H, W) array per view slot, created on {@code manager}. */
    public NDList toViews(NDManager manager, EncoderSpec spec, int viewCount) {
        NDList views = new NDList(viewCount);
        for (int v = 0; v < viewCount; v++) {
            List<CleanImage> slot = new ArrayList<>(examples.size());
            for (ImageViews ex : examples) {
                if (ex.size() < viewCount) {
                    throw new IllegalArgumentException("Example has " + ex.size() + " views, method needs "
                            + viewCount);
                }
                slot.add(ex.view(v));
            }
            views.add(ImageTensors.stack(manager, slot, spec));
        }
        return views;
    }
}
