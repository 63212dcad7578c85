package dev.autodidact.learner.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointException;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {
    private static Checkpoint checkpoint(long version) {
        CheckpointManifest draft = new CheckpointManifest(
                version,
                version - 1,
                "simclr",
                "image",
                Map.of(),
                version,
                version,
                Map.of(),
                Map.of(),
                List.of(),
                0,
                0,
                "",
                0);
        return CheckpointCodec.assemble(draft, Map.of("encoder", new byte[100 + (int) version]), 64);
    }

    @Test
    void shouldKeepThePayloadsOfTheNewestVersionsAndEveryManifest(@TempDir Path dir) {
        for (long v = 1; v <= 5; v++) {
            CheckpointDirectory.write(dir, checkpoint(v), CheckpointSeal.unkeyed());
            CheckpointDirectory.prune(dir, 2);
        }
        for (long v = 1; v <= 5; v++) {
            Path version = dir.resolve(CheckpointCodec.versionName(v));
            assertThat(version.resolve("manifest.json")).exists();
            assertThat(Files.exists(version.resolve("payload.bin")))
                    .as("payload of v" + v)
                    .isEqualTo(v >= 4);
        }
        assertThat(CheckpointDirectory.read(dir))
                .map(c -> c.manifest().version())
                .contains(5L);
    }

    @Test
    void shouldPassOverACorruptNewestVersionToThePreviousOne(@TempDir Path dir) throws IOException {
        CheckpointDirectory.write(dir, checkpoint(1), CheckpointSeal.unkeyed());
        Path newest = CheckpointDirectory.write(dir, checkpoint(2), CheckpointSeal.unkeyed());
        byte[] payload = Files.readAllBytes(newest.resolve("payload.bin"));
        payload[3] ^= 1;
        Files.write(newest.resolve("payload.bin"), payload);
        assertThat(CheckpointDirectory.read(dir))
                .map(c -> c.manifest().version())
                .contains(1L);
        assertThatThrownBy(() -> CheckpointDirectory.read(newest)).isInstanceOf(CheckpointException.class);
    }

    @Test
    void shouldRefuseCheckpointsNotSignedWithTheConfiguredKey(@TempDir Path dir) {
        CheckpointDirectory.write(dir.resolve("theirs"), checkpoint(1), CheckpointSeal.withKey("other"));
        CheckpointDirectory.write(dir.resolve("ours"), checkpoint(1), CheckpointSeal.withKey("secret"));
        CheckpointDirectory.write(dir.resolve("unsigned"), checkpoint(1), CheckpointSeal.unkeyed());
        CheckpointSeal key = CheckpointSeal.withKey("secret");
        assertThat(CheckpointDirectory.read(dir.resolve("theirs"), key)).isEmpty();
        assertThat(CheckpointDirectory.read(dir.resolve("unsigned"), key)).isEmpty();
        assertThat(CheckpointDirectory.read(dir.resolve("ours"), key)).isPresent();
    }
}
