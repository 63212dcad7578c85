package dev.autodidact.cli.report;

import dev.autodidact.cli.report.internal.ManifestFiles;
import dev.autodidact.cli.report.internal.ManifestTopicReader;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The manifests a report is drawn from, one per version in version order (a later copy of a version replaces an
 * earlier one), and the series read off them. Payloads are never read.
 *
 * @param source where the manifests came from, for the page's header
 * @param manifests one per version, ascending
 */
public record ReportData(String source, List<CheckpointManifest> manifests) {

    public ReportData {
        manifests = List.copyOf(manifests);
    }

    /** Sorts {@code manifests} by version, keeping the last one given for each version. */
    public static ReportData of(String source, Collection<CheckpointManifest> manifests) {
        TreeMap<Long, CheckpointManifest> byVersion = new TreeMap<>();
        manifests.forEach(m -> byVersion.put(m.version(), m));
        return new ReportData(source, new ArrayList<>(byVersion.values()));
    }

    /** Every {@code v*}{@code /manifest.json} under {@code root} (or {@code root/manifest.json} itself). */
    public static ReportData fromDirectory(Path root) {
        return of(root.toAbsolutePath().normalize().toString(), ManifestFiles.list(root));
    }

    /** Every committed manifest on {@code topic}, read from the beginning up to its end at call time. */
    public static ReportData fromTopic(Map<String, Object> clientProperties, String topic, Duration timeout) {
        String where = clientProperties.getOrDefault("bootstrap.servers", "?") + " " + topic;
        return of(where, ManifestTopicReader.read(clientProperties, topic, timeout));
    }

    public boolean isEmpty() {
        return manifests.isEmpty();
    }

    public CheckpointManifest newest() {
        if (manifests.isEmpty()) {
            throw new IllegalStateException("No manifests from " + source);
        }
        return manifests.get(manifests.size() - 1);
    }

    /** Whether any manifest holds a finite value of {@code key}. */
    public boolean hasMetric(String key) {
        return manifests.stream().map(m -> m.metrics().get(key)).anyMatch(v -> v != null && Double.isFinite(v));
    }

    /** The finite values of metric {@code key}, one point per manifest that has it. */
    public Series metric(String key, String name, XAxis axis) {
        List<double[]> points = new ArrayList<>();
        for (CheckpointManifest m : manifests) {
            Double v = m.metrics().get(key);
            if (v != null && Double.isFinite(v)) {
                points.add(new double[] {axis.of(m), v});
            }
        }
        return toSeries(name, points);
    }

    /**
     * Samples per second between consecutive versions, {@code (samplesSeen_i - samplesSeen_{i-1}) / (createdAt_i -
     * createdAt_{i-1})}, at version {@code i}; pairs where either difference is not positive (a restart from an older
     * checkpoint, equal clocks) are left out. Includes the time spent publishing checkpoints.
     */
    public Series throughputBetweenVersions(String name, XAxis axis) {
        List<double[]> points = new ArrayList<>();
        for (int i = 1; i < manifests.size(); i++) {
            CheckpointManifest prev = manifests.get(i - 1);
            CheckpointManifest cur = manifests.get(i);
            long samples = cur.samplesSeen() - prev.samplesSeen();
            long ms = cur.createdAtMs() - prev.createdAtMs();
            if (samples > 0 && ms > 0) {
                points.add(new double[] {axis.of(cur), samples * 1000.0 / ms});
            }
        }
        return toSeries(name, points);
    }

    /** The encoder's feature dimension, read from the newest manifest's architecture, when it can be rebuilt. */
    public OptionalInt featureDimension() {
        if (manifests.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(
                    EncoderArchitectures.fromMap(newest().architecture()).featureDim());
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static Series toSeries(String name, List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Series(name, x, y);
    }
}
