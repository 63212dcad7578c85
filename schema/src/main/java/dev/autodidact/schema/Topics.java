package dev.autodidact.schema;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Topic names under one prefix (default {@code autodidact.}) and the settings each topic is created with.
 *
 * <ul>
 *   <li>{@code raw.<modality>}: key record id, value media bytes; delete policy.</li>
 *   <li>{@code clean.<modality>}: the canonical input, compacted so that re-embedding can replay it.</li>
 *   <li>{@code examples.<modality>.<method>}: training examples; delete policy, short retention.</li>
 *   <li>{@code checkpoints}: manifests and chunks, written transactionally by the learner; compacted, never deleted by
 *   age: the learner tombstones the chunks of versions it no longer retains, so the newest good checkpoints survive
 *   any pause and the manifests stay as history.</li>
 *   <li>{@code checkpoints.index}: compacted, key method, value where that method's retained checkpoints lie.</li>
 *   <li>{@code embeddings.<modality>}: compacted, latest vector per record id.</li>
 *   <li>{@code probe.<modality>}: optional labeled records (header {@code label}) for online evaluation; compacted.</li>
 *   <li>{@code dead-letter}: rejected records with the reason in headers.</li>
 * </ul>
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "autodidact.";
    /** Largest record the application writes or accepts; broker and producers must allow it. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final String CLEANUP = "cleanup.policy";
    private static final String RETENTION_MS = "retention.ms";
    private static final String MAX_BYTES = "max.message.bytes";

    private final String prefix;
    private final int partitions;

    public Topics(String prefix, int partitions) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.partitions = partitions;
    }

    public Topics(String prefix) {
        this(prefix, 1);
    }

    public String prefix() {
        return prefix;
    }

    public String raw(Modality modality) {
        return prefix + "raw." + modality.id();
    }

    public String clean(Modality modality) {
        return prefix + "clean." + modality.id();
    }

    public String examples(Modality modality, String method) {
        return prefix + "examples." + modality.id() + "." + method;
    }

    public String embeddings(Modality modality) {
        return prefix + "embeddings." + modality.id();
    }

    public String probe(Modality modality) {
        return prefix + "probe." + modality.id();
    }

    public String checkpoints() {
        return prefix + "checkpoints";
    }

    public String checkpointIndex() {
        return prefix + "checkpoints.index";
    }

    public String deadLetter() {
        return prefix + "dead-letter";
    }

    /** Every topic one modality and method need, with its settings. */
    public List<TopicSpec> pipeline(Modality modality, String method) {
        String maxBytes = Integer.toString(MAX_MESSAGE_BYTES);
        return List.of(
                new TopicSpec(
                        raw(modality),
                        partitions,
                        Map.of(CLEANUP, "delete", RETENTION_MS, millis(Duration.ofDays(7)), MAX_BYTES, maxBytes)),
                new TopicSpec(clean(modality), partitions, Map.of(CLEANUP, "compact", MAX_BYTES, maxBytes)),
                new TopicSpec(
                        examples(modality, method),
                        partitions,
                        Map.of(CLEANUP, "delete", RETENTION_MS, millis(Duration.ofDays(1)), MAX_BYTES, maxBytes)),
                new TopicSpec(embeddings(modality), partitions, Map.of(CLEANUP, "compact")),
                new TopicSpec(probe(modality), 1, Map.of(CLEANUP, "compact", MAX_BYTES, maxBytes)),
                new TopicSpec(
                        checkpoints(),
                        1,
                        Map.of(CLEANUP, "compact", "segment.ms", millis(Duration.ofHours(1)), MAX_BYTES, maxBytes)),
                new TopicSpec(
                        checkpointIndex(), 1, Map.of(CLEANUP, "compact", "segment.ms", millis(Duration.ofHours(1)))),
                new TopicSpec(
                        deadLetter(),
                        1,
                        Map.of(CLEANUP, "delete", RETENTION_MS, millis(Duration.ofDays(14)), MAX_BYTES, maxBytes)));
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }
}
