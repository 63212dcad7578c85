package dev.autodidact.cli.lineage;

import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.checkpoint.OffsetRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON object {@code autodidact lineage} prints, as nested maps and lists in a fixed key order: the version's
 * manifest fields, its ranges as {@code [[from, to], ...]} per partition, the records they hold, its ancestry and the
 * check over the chain.
 */
public final class LineageJson {

    private LineageJson() {}

    public static Map<String, Object> of(VersionLineage lineage, String source) {
        CheckpointManifest m = lineage.manifest();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version());
        json.put("parent_version", m.parentVersion());
        json.put("method", m.method());
        json.put("modality", m.modality());
        json.put("step", m.step());
        json.put("samples_seen", m.samplesSeen());
        json.put("created_at_ms", m.createdAtMs());
        json.put("offsets", new TreeMap<>(m.offsets()));
        json.put("trained_ahead", ranges(m.trainedAhead()));
        json.put("consumed", ranges(m.consumed()));
        json.put("consumed_records", counts(VersionLineage.records(m.consumed())));
        json.put("ancestry", ancestry(lineage));
        json.put("reaches_root", lineage.reachesRoot());
        json.put("every_version_has_lineage", lineage.everyVersionHasLineage());
        json.put("cumulative_consumed", counts(lineage.cumulativeConsumed()));
        json.put("expected_consumed", counts(lineage.expectedConsumed()));
        json.put("complete", lineage.complete());
        json.put("source", source);
        return json;
    }

    private static List<Map<String, Object>> ancestry(VersionLineage lineage) {
        List<Map<String, Object>> chain = new ArrayList<>();
        for (int i = 0; i < lineage.ancestry().size(); i++) {
            CheckpointManifest m = lineage.ancestry().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", m.version());
            entry.put("parent_version", m.parentVersion());
            entry.put("step", m.step());
            entry.put("has_lineage", lineage.hasLineage(i));
            entry.put("consumed_records", counts(VersionLineage.records(m.consumed())));
            chain.add(entry);
        }
        return chain;
    }

    /** {@code {"by_partition": {...}, "total": n}}. */
    private static Map<String, Object> counts(Map<String, Long> byPartition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("by_partition", new TreeMap<>(byPartition));
        json.put(
                "total",
                byPartition.values().stream().mapToLong(Long::longValue).sum());
        return json;
    }

    private static Map<String, List<long[]>> ranges(Map<String, List<OffsetRange>> ranges) {
        Map<String, List<long[]>> json = new TreeMap<>();
        ranges.forEach((tp, list) -> json.put(
                tp, list.stream().map(r -> new long[] {r.from(), r.to()}).toList()));
        return json;
    }
}
