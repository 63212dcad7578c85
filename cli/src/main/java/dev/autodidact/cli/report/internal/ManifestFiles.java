package dev.autodidact.cli.report.internal;

import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the manifests of a checkpoint directory laid out as the learner mirrors it ({@code
 * <root>/v0000000042/manifest.json}); payloads are not read. The learner's {@code .incoming-*} directories are still
 * being written and are skipped.
 */
public final class ManifestFiles {
    static final String MANIFEST = "manifest.json";

    private ManifestFiles() {}

    /** The manifests under {@code root}, or {@code root}'s own when it is one version directory; unordered. */
    public static List<CheckpointManifest> list(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Not a directory: " + root);
        }
        List<CheckpointManifest> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(root.resolve(MANIFEST))) {
                out.add(read(root.resolve(MANIFEST)));
                return out;
            }
            try (Stream<Path> children = Files.list(root)) {
                for (Path dir : children.filter(ManifestFiles::isVersionDir).toList()) {
                    out.add(read(dir.resolve(MANIFEST)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoints in " + root, e);
        }
        return out;
    }

    private static boolean isVersionDir(Path dir) {
        return CheckpointCodec.versionOfName(dir.getFileName().toString()) >= 0
                && Files.isRegularFile(dir.resolve(MANIFEST));
    }

    private static CheckpointManifest read(Path file) throws IOException {
        try {
            return CheckpointCodec.readManifest(Files.readAllBytes(file));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a checkpoint manifest: " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
