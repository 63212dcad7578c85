package dev.autodidact.learner.checkpoint;

import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local mirror of checkpoints: {@code <root>/v0000000042/manifest.json} and {@code payload.bin}. Each version is
 * written to a temporary directory and renamed into place, so a reader never sees half a checkpoint.
 */
public final class CheckpointDirectory {
    static final String MANIFEST = "manifest.json";
    static final String PAYLOAD = "payload.bin";

    private CheckpointDirectory() {
    }

    public static Path write(Path root, Checkpoint checkpoint) {
        String name = CheckpointCodec.manifestKey(checkpoint.manifest().version()).split("/")[0];
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, ".incoming-");
            Files.write(tmp.resolve(PAYLOAD), checkpoint.payload());
            Files.write(tmp.resolve(MANIFEST), CheckpointCodec.writeManifest(checkpoint.manifest()));
            Path target = root.resolve(name);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write checkpoint to " + root, e);
        }
    }

    /**
     * Reads a checkpoint from {@code path}: either one version directory or a root holding several, in which case the
     * newest is read. The payload is checked against the manifest's SHA-256.
     */
    public static Optional<Checkpoint> read(Path path) {
        try {
            Path dir = Files.exists(path.resolve(MANIFEST)) ? path : newestVersionDir(path).orElse(null);
            if (dir == null) {
                return Optional.empty();
            }
            CheckpointManifest m = CheckpointCodec.readManifest(Files.readAllBytes(dir.resolve(MANIFEST)));
            byte[] payload = Files.readAllBytes(dir.resolve(PAYLOAD));
            if (!CheckpointCodec.sha256(payload).equals(m.sha256())) {
                throw new IllegalStateException("Checkpoint in " + dir + " does not match its SHA-256");
            }
            return Optional.of(new Checkpoint(m, payload));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read checkpoint from " + path, e);
        }
    }

    private static Optional<Path> newestVersionDir(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.exists(p.resolve(MANIFEST)))
                    .filter(p -> CheckpointCodec.versionOf(p.getFileName() + "/") >= 0)
                    .max(Comparator.comparingLong(p -> CheckpointCodec.versionOf(p.getFileName() + "/")));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
