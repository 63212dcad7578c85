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
        long createdAtMs) {

    public CheckpointManifest {
        architecture = Map.copyOf(architecture);
        offsets = Map.copyOf(offsets);
        metrics = Map.copyOf(metrics);
        sections = List.copyOf(sections);
    }

    /** The section called {@code name}. */
    public CheckpointSection section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Checkpoint v" + version + " has no section " + name));
    }
}
