package dev.autodidact.schema;

import java.util.Map;

/**
 * A topic as the application creates it: name, partitions and topic-level configs (cleanup policy, retention, maximum
 * message size).
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition");
        }
        configs = Map.copyOf(configs);
    }
}
