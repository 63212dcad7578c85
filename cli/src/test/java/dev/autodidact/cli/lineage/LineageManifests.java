package dev.autodidact.cli.lineage;

import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.checkpoint.OffsetRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Manifests with lineage ranges, written as the learner mirrors them ({@code <root>/v0000000042/manifest.json}). */
public final class LineageManifests {
    public static final String P0 = "autodidact.examples.image.simclr-0";
    public static final String P1 = "autodidact.examples.image.simclr-1";

    private LineageManifests() {}

    /** Version {@code v} of simclr, 10 steps per version, with the given offsets and ranges. */
    public static CheckpointManifest manifest(
            long v,
            long parent,
            Map<String, Long> offsets,
            Map<String, List<OffsetRange>> trainedAhead,
            Map<String, List<OffsetRange>> consumed) {
        return manifest("simclr", v, parent, offsets, trainedAhead, consumed);
    }

    public static CheckpointManifest manifest(
            String method,
            long v,
            long parent,
            Map<String, Long> offsets,
            Map<String, List<OffsetRange>> trainedAhead,
            Map<String, List<OffsetRange>> consumed) {
        return new CheckpointManifest(
                v,
                parent,
                method,
                "image",
                Map.of(),
                10 * v,
                640 * v,
                offsets,
                Map.of("loss", 5.0 - v / 10.0),
                List.of(),
                0,
                1,
                "",
                1_795_600_000_000L + v * 20_000L,
                trainedAhead,
                consumed);
    }

    /** A manifest as builds before the lineage fields wrote it: offsets only. */
    public static CheckpointManifest withoutLineage(long v, long parent, Map<String, Long> offsets) {
        return new CheckpointManifest(
                v,
                parent,
                "simclr",
                "image",
                Map.of(),
                10 * v,
                640 * v,
                offsets,
                Map.of("loss", 5.0),
                List.of(),
                0,
                1,
                "",
                1_795_600_000_000L + v * 20_000L);
    }

    /** {@code from0, to0, from1, to1, ...} as ranges. */
    public static List<OffsetRange> ranges(long... bounds) {
        List<OffsetRange> out = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(new OffsetRange(bounds[i], bounds[i + 1]));
        }
        return out;
    }

    /** Writes each manifest to {@code root/v<version>/manifest.json}. */
    public static Path write(Path root, CheckpointManifest... manifests) throws IOException {
        for (CheckpointManifest m : manifests) {
            Path dir = Files.createDirectories(root.resolve(CheckpointCodec.versionName(m.version())));
            Files.write(dir.resolve("manifest.json"), CheckpointCodec.writeManifest(m));
        }
        return root;
    }

    /**
     * Three versions over two partitions whose ranges add up: v1 {@code P0 [0,100) P1 [0,80)}, v2 {@code P0
     * [100,250) P1 [80,120)}, v3 {@code P0 [250,300)}.
     */
    public static List<CheckpointManifest> threeVersionChain() {
        return List.of(
                manifest(1, 0, Map.of(P0, 100L, P1, 80L), Map.of(), Map.of(P0, ranges(0, 100), P1, ranges(0, 80))),
                manifest(2, 1, Map.of(P0, 250L, P1, 120L), Map.of(), Map.of(P0, ranges(100, 250), P1, ranges(80, 120))),
                manifest(3, 2, Map.of(P0, 300L, P1, 120L), Map.of(), Map.of(P0, ranges(250, 300))));
    }

    /**
     * A shuffle buffer trained ahead: v1 {@code [0,100)}; v2 {@code [100,150) [160,170)} with {@code [160,170)}
     * trained ahead of its offset 150; v3 fills the gap and goes on, {@code [150,160) [170,200)}.
     */
    public static List<CheckpointManifest> chainWithTrainedAhead() {
        return List.of(
                manifest(1, 0, Map.of(P0, 100L), Map.of(), Map.of(P0, ranges(0, 100))),
                manifest(2, 1, Map.of(P0, 150L), Map.of(P0, ranges(160, 170)), Map.of(P0, ranges(100, 150, 160, 170))),
                manifest(3, 2, Map.of(P0, 200L), Map.of(), Map.of(P0, ranges(150, 160, 170, 200))));
    }
}
