package dev.autodidact.learner.checkpoint;

import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointAssembler;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointException;
import dev.autodidact.schema.checkpoint.CheckpointException.Reason;
import dev.autodidact.schema.checkpoint.CheckpointLimits;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local mirror of checkpoints: {@code <root>/v0000000042/manifest.json}, {@code manifest.seal} and {@code
 * payload.bin}. Each version is written to a temporary directory and renamed into place, so a reader never sees half
 * a checkpoint. {@link #prune} keeps the payloads of the newest N versions; older versions keep their manifest, the
 * history the report draws. Reading verifies sizes, seal and SHA-256 values and passes over a broken version to the
 * previous one.
 */
public final class CheckpointDirectory {
    static final String MANIFEST = "manifest.json";
    static final String SEAL = "manifest.seal";
    static final String PAYLOAD = "payload.bin";
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDirectory.class);

    private CheckpointDirectory() {}

    public static Path write(Path root, Checkpoint checkpoint, CheckpointSeal seal) {
        String name = CheckpointCodec.versionName(checkpoint.manifest().version());
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, ".incoming-");
            byte[] manifest = CheckpointCodec.writeManifest(checkpoint.manifest());
            Files.write(tmp.resolve(PAYLOAD), checkpoint.payload());
            Files.write(tmp.resolve(SEAL), seal.seal(manifest).getBytes(StandardCharsets.UTF_8));
            Files.write(tmp.resolve(MANIFEST), manifest);
            Path target = root.resolve(name);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write checkpoint to " + root, e);
        }
    }

    /** Deletes the payloads of all but the newest {@code keep} versions under {@code root}. */
    public static void prune(Path root, int keep) {
        try {
            List<Path> versions = versionDirs(root);
            for (Path dir : versions.subList(Math.min(keep, versions.size()), versions.size())) {
                Files.deleteIfExists(dir.resolve(PAYLOAD));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prune checkpoints in " + root, e);
        }
    }

    /** {@link #read(Path, CheckpointSeal)} without a signing key. */
    public static Optional<Checkpoint> read(Path path) {
        return read(path, CheckpointSeal.unkeyed());
    }

    /**
     * Reads a checkpoint from {@code path}: either one version directory (which must be intact), or a root holding
     * several, in which case the newest intact one is read and broken ones are logged and passed over.
     *
     * @throws CheckpointException if {@code path} is a version directory whose checkpoint is broken
     */
    public static Optional<Checkpoint> read(Path path, CheckpointSeal seal) {
        if (Files.exists(path.resolve(MANIFEST))) {
            return Optional.of(readVersion(path, seal));
        }
        try {
            for (Path dir : versionDirs(path)) {
                if (!Files.exists(dir.resolve(PAYLOAD))) {
                    continue;
                }
                try {
                    return Optional.of(readVersion(dir, seal));
                } catch (CheckpointException e) {
                    LOG.warn(
                            "Skipping checkpoint in {} ({}): {}",
                            dir,
                            e.reason().code(),
                            e.getMessage());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read checkpoints from " + path, e);
        }
    }

    private static Checkpoint readVersion(Path dir, CheckpointSeal seal) {
        try {
            byte[] manifest = readCapped(dir.resolve(MANIFEST), CheckpointLimits.MAX_MANIFEST_BYTES);
            Path sealFile = dir.resolve(SEAL);
            String sealValue = Files.exists(sealFile)
                    ? new String(readCapped(sealFile, 1024), StandardCharsets.UTF_8).trim()
                    : null;
            byte[] payload = readCapped(dir.resolve(PAYLOAD), CheckpointLimits.MAX_PAYLOAD_BYTES);
            return CheckpointAssembler.verified(manifest, sealValue, payload, seal);
        } catch (IOException e) {
            throw new CheckpointException(Reason.INCOMPLETE, "Could not read the checkpoint in " + dir + ": " + e, e);
        }
    }

    private static byte[] readCapped(Path file, long cap) throws IOException {
        long size = Files.size(file);
        if (size > cap) {
            throw new CheckpointException(Reason.TOO_LARGE, file + " has " + size + " bytes (at most " + cap + ")");
        }
        return Files.readAllBytes(file);
    }

    /** Version directories under {@code root}, newest first. */
    private static List<Path> versionDirs(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.exists(p.resolve(MANIFEST)))
                    .filter(p -> CheckpointCodec.versionOfName(p.getFileName().toString()) >= 0)
                    .sorted(Comparator.comparingLong((Path p) -> CheckpointCodec.versionOfName(
                                    p.getFileName().toString()))
                            .reversed())
                    .toList();
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
