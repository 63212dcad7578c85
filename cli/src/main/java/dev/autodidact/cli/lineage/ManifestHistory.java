package dev.autodidact.cli.lineage;

import dev.autodidact.cli.report.internal.ManifestFiles;
import dev.autodidact.cli.report.internal.ManifestTopicReader;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The manifests of one method by version (a later copy of a version replaces an earlier one), read as the report reads
 * them: from a checkpoint directory or the {@code checkpoints} topic. Payloads are never read.
 *
 * @param source where the manifests came from
 * @param method the method they belong to
 * @param byVersion one manifest per version
 */
public record ManifestHistory(String source, String method, NavigableMap<Long, CheckpointManifest> byVersion) {

    public ManifestHistory {
        byVersion = new TreeMap<>(byVersion);
    }

    /** The manifests under {@code root} of {@code method}, or of the only method there when it is null. */
    public static ManifestHistory fromDirectory(Path root, String method) {
        return of(root.toAbsolutePath().normalize().toString(), ManifestFiles.list(root), method);
    }

    /** The committed manifests on {@code topic} of {@code method}, or of the only method there when it is null. */
    public static ManifestHistory fromTopic(
            Map<String, Object> clientProperties, String topic, String method, Duration timeout) {
        String where = clientProperties.getOrDefault("bootstrap.servers", "?") + " " + topic;
        return of(where, ManifestTopicReader.read(clientProperties, topic, timeout), method);
    }

    /**
     * @throws IllegalArgumentException if {@code method} is null and the manifests hold more than one method
     */
    public static ManifestHistory of(String source, List<CheckpointManifest> manifests, String method) {
        TreeSet<String> methods = new TreeSet<>();
        manifests.forEach(m -> methods.add(m.method()));
        if (method == null && methods.size() > 1) {
            throw new IllegalArgumentException("The manifests in " + source + " belong to several methods " + methods
                    + "; choose one with --method");
        }
        String chosen = method != null ? method : methods.isEmpty() ? "" : methods.first();
        TreeMap<Long, CheckpointManifest> byVersion = new TreeMap<>();
        manifests.stream().filter(m -> m.method().equals(chosen)).forEach(m -> byVersion.put(m.version(), m));
        return new ManifestHistory(source, chosen, byVersion);
    }

    public Optional<CheckpointManifest> find(long version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** Version {@code version} and its ancestry, if that version is here. */
    public Optional<VersionLineage> lineage(long version) {
        return find(version).map(m -> VersionLineage.of(m, byVersion));
    }

    /** The versions here, as ascending runs: {@code 1-40, 42, 45-47}. */
    public String describeVersions() {
        StringBuilder out = new StringBuilder();
        Long start = null;
        long previous = 0;
        for (long v : byVersion.keySet()) {
            if (start != null && v != previous + 1) {
                appendRun(out, start, previous);
                start = null;
            }
            if (start == null) {
                start = v;
            }
            previous = v;
        }
        if (start != null) {
            appendRun(out, start, previous);
        }
        return out.toString();
    }

    private static void appendRun(StringBuilder out, long from, long to) {
        out.append(out.length() == 0 ? "" : ", ").append(from).append(from == to ? "" : "-" + to);
    }
}
