package dev.autodidact.schema.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * What a checkpoint is: its version and lineage, what produced it, how far it has trained, which consumer offsets it
 * covers, and where each section (weights, optimizer state, method state) lies in the payload.
 *
 * @param version monotonically increasing model version, 1 for the first checkpoint
 * @param parentVersion the version training resumed from, 0 if it started from random weights
 * @param method SSL method name, e.g. {@code simclr}
 * @param modality {@code image}, {@code audio} or {@code text}
 * @param architecture the encoder and head configuration needed to rebuild the networks
 * @param step optimizer steps taken since random initialisation
 * @param samplesSeen examples trained on since random initialisation
 * @param offsets next offset to consume per {@code topic-partition}: everything before it has been trained on
 * @param metrics loss and other values at checkpoint time
 * @param sections the payload's named parts
 * @param payloadBytes total payload size
 * @param chunks number of chunk records that carry the payload
 * @param sha256 hex SHA-256 of the whole payload
 * @param createdAtMs wall-clock time of publication
 * @param trainedAhead per {@code topic-partition}, offsets at or after {@code offsets} that are already trained on:
 *     a shuffle buffer draws records out of order, so a restart skips these instead of training them twice
 * @param consumed per {@code topic-partition}, the offset ranges this version consumed since its parent version
 *     (trained on, or dead-lettered as unusable): the answer to "which data made version N"
 */
public record CheckpointManifest(
        long version,
        long parentVersion,
        String method,
        String modality,
        Map<String, String> architecture,
        long step,
        long samplesSeen,
        Map<String, Long> offsets,
        Map<String, Double> metrics,
        List<CheckpointSection> sections,
        long payloadBytes,
        int chunks,
        String sha256,
        long createdAtMs,
        Map<String, List<OffsetRange>> trainedAhead,
        Map<String, List<OffsetRange>> consumed) {

    public CheckpointManifest {
        architecture = Map.copyOf(architecture);
        offsets = Map.copyOf(offsets);
        metrics = Map.copyOf(metrics);
        sections = List.copyOf(sections);
        trainedAhead = trainedAhead == null ? Map.of() : copy(trainedAhead);
        consumed = consumed == null ? Map.of() : copy(consumed);
    }

    /** A manifest without lineage ranges (nothing trained ahead, consumed ranges unknown). */
    public CheckpointManifest(
            long version,
            long parentVersion,
            String method,
            String modality,
            Map<String, String> architecture,
            long step,
            long samplesSeen,
            Map<String, Long> offsets,
            Map<String, Double> metrics,
            List<CheckpointSection> sections,
            long payloadBytes,
            int chunks,
            String sha256,
            long createdAtMs) {
        this(
                version,
                parentVersion,
                method,
                modality,
                architecture,
                step,
                samplesSeen,
                offsets,
                metrics,
                sections,
                payloadBytes,
                chunks,
                sha256,
                createdAtMs,
                Map.of(),
                Map.of());
    }

    private static Map<String, List<OffsetRange>> copy(Map<String, List<OffsetRange>> ranges) {
        Map<String, List<OffsetRange>> out = new java.util.TreeMap<>();
        ranges.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** This manifest with its payload described by {@code table}. */
    public CheckpointManifest withPayload(List<CheckpointSection> table, long bytes, int chunkCount, String hash) {
        return new CheckpointManifest(
                version,
                parentVersion,
                method,
                modality,
                architecture,
                step,
                samplesSeen,
                offsets,
                metrics,
                table,
                bytes,
                chunkCount,
                hash,
                createdAtMs,
                trainedAhead,
                consumed);
    }

    /** The section called {@code name}. */
    public CheckpointSection section(String name) {
        return sections.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Checkpoint v" + version + " has no section " + name));
    }
}
