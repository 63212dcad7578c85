package dev.autodidact.cli.report;

import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Manifests with plausible curves, written as the learner mirrors them; no payloads. */
final class SyntheticManifests {
    static final int FEATURE_DIM = 128;

    private SyntheticManifests() {}

    /** Versions 1..n, 50 steps of 256 samples apart, 20 s apart; health and probe metrics only when asked. */
    static void write(Path root, int versions, boolean health) throws IOException {
        for (int v = 1; v <= versions; v++) {
            Path dir = Files.createDirectories(root.resolve(String.format(Locale.ROOT, "v%010d", v)));
            Files.write(dir.resolve("manifest.json"), CheckpointCodec.writeManifest(manifest(v, health)));
        }
    }

    static CheckpointManifest manifest(long v, boolean health) {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("loss", 3.5 + 1.5 * Math.exp(-v / 8.0));
        metrics.put("skipped.steps", 0.0);
        if (health) {
            metrics.put("samples.per.second", 700 + 20 * Math.sin(v));
            metrics.put("health.std", 0.07 + 0.01 * Math.exp(-v / 5.0));
            metrics.put("health.rankme", 20 + 60 * (1 - Math.exp(-v / 6.0)));
            metrics.put("health.alignment", 0.2 + 0.6 * Math.exp(-v / 7.0));
            metrics.put("health.uniformity", -3.2 + 1.0 * Math.exp(-v / 7.0));
            metrics.put("probe.knn.top1", 0.3 + 0.2 * (1 - Math.exp(-v / 6.0)));
            metrics.put("probe.linear.top1", 0.32 + 0.22 * (1 - Math.exp(-v / 6.0)));
            if (v > 1) {
                metrics.put("health.drift", 0.3 * Math.exp(-v / 6.0));
            }
        }
        Map<String, String> architecture =
                ConvEncoderSpec.of(32, new int[] {32, 64, FEATURE_DIM}, 0).toMap();
        long step = 50 * v;
        return new CheckpointManifest(
                v,
                v - 1,
                "simclr",
                "image",
                architecture,
                step,
                step * 256,
                Map.of("autodidact.examples.image.simclr-0", step * 256),
                metrics,
                List.of(),
                0,
                1,
                "",
                1_795_600_000_000L + v * 20_000L);
    }
}
