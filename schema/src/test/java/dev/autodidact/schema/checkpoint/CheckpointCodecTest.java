package dev.autodidact.schema.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {
    static Checkpoint checkpoint(String method, long version, int chunkBytes) {
        byte[] enc = new byte[10_000];
        byte[] opt = new byte[3_333];
        new Random(version).nextBytes(enc);
        new Random(-version).nextBytes(opt);
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("encoder", enc);
        sections.put("optimizer", opt);
        CheckpointManifest draft = new CheckpointManifest(
                version,
                version - 1,
                method,
                "image",
                Map.of("widths", "32,64,128"),
                100,
                25_600,
                Map.of("t-0", 25_600L),
                Map.of("loss", 4.2),
                List.of(),
                0,
                0,
                "",
                1L);
        return CheckpointCodec.assemble(draft, sections, chunkBytes);
    }

    private static Optional<Checkpoint> replay(
            CheckpointAssembler assembler, List<Map.Entry<String, byte[]>> records, CheckpointSeal seal) {
        Optional<Checkpoint> out = Optional.empty();
        for (var r : records) {
            String header = CheckpointCodec.isManifestKey(r.getKey()) ? seal.seal(r.getValue()) : null;
            out = assembler.accept(r.getKey(), r.getValue(), header);
        }
        return out;
    }

    @Test
    void shouldChunkAndReassembleWithSectionsIntact() {
        Checkpoint cp = checkpoint("simclr", 7, 4096);
        List<Map.Entry<String, byte[]>> records = CheckpointCodec.toRecords(cp);
        assertThat(records).hasSize(cp.manifest().chunks() + 1);
        assertThat(cp.manifest().chunks()).isEqualTo(4);
        assertThat(records.get(records.size() - 1).getKey()).isEqualTo("simclr/v0000000007/manifest");

        Optional<Checkpoint> out = replay(
                new CheckpointAssembler("simclr", 7, CheckpointSeal.unkeyed()), records, CheckpointSeal.unkeyed());
        assertThat(out).isPresent();
        assertThat(out.get().manifest()).isEqualTo(cp.manifest());
        assertThat(out.get().section("optimizer")).isEqualTo(cp.section("optimizer"));
        assertThat(out.get().manifest().offsets()).containsEntry("t-0", 25_600L);
    }

    @Test
    void shouldPassOverRecordsOfOtherMethodsAndVersions() {
        List<Map.Entry<String, byte[]>> mixed = new java.util.ArrayList<>();
        List<Map.Entry<String, byte[]>> byol = CheckpointCodec.toRecords(checkpoint("byol", 7, 4096));
        List<Map.Entry<String, byte[]>> simclr = CheckpointCodec.toRecords(checkpoint("simclr", 7, 4096));
        for (int i = 0; i < simclr.size(); i++) {
            mixed.add(byol.get(i));
            mixed.add(simclr.get(i));
        }
        Optional<Checkpoint> out =
                replay(new CheckpointAssembler("simclr", 7, CheckpointSeal.unkeyed()), mixed, CheckpointSeal.unkeyed());
        assertThat(out).map(c -> c.manifest().method()).contains("simclr");
    }

    @Test
    void shouldRejectCorruptedChunk() {
        List<Map.Entry<String, byte[]>> records = CheckpointCodec.toRecords(checkpoint("simclr", 3, 4096));
        records.get(1).getValue()[0] ^= 1;
        assertThatThrownBy(() -> replay(
                        new CheckpointAssembler("simclr", 3, CheckpointSeal.unkeyed()),
                        records,
                        CheckpointSeal.unkeyed()))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("SHA-256")
                .satisfies(e ->
                        assertThat(((CheckpointException) e).reason()).isEqualTo(CheckpointException.Reason.CORRUPT));
    }

    @Test
    void shouldReportAMissingChunkAsIncomplete() {
        List<Map.Entry<String, byte[]>> records =
                new java.util.ArrayList<>(CheckpointCodec.toRecords(checkpoint("simclr", 3, 4096)));
        records.remove(0);
        assertThatThrownBy(() -> replay(
                        new CheckpointAssembler("simclr", 3, CheckpointSeal.unkeyed()),
                        records,
                        CheckpointSeal.unkeyed()))
                .isInstanceOfSatisfying(
                        CheckpointException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.INCOMPLETE));
    }

    @Test
    void shouldRefuseAManifestWhoseSealDoesNotMatchItsBytes() {
        List<Map.Entry<String, byte[]>> records = CheckpointCodec.toRecords(checkpoint("simclr", 3, 4096));
        byte[] manifest = records.get(records.size() - 1).getValue();
        String seal = CheckpointSeal.unkeyed().seal(manifest);
        byte[] edited = new String(manifest, StandardCharsets.UTF_8)
                .replace("\"step\":100", "\"step\":999")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CheckpointSeal.unkeyed().verify(edited, seal))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("seal");
    }

    @Test
    void shouldAcceptOnlyCheckpointsSignedWithTheConfiguredKey() {
        byte[] manifest = "{\"version\":1}".getBytes(StandardCharsets.UTF_8);
        CheckpointSeal ours = CheckpointSeal.withKey("secret");
        CheckpointSeal theirs = CheckpointSeal.withKey("other");
        ours.verify(manifest, ours.seal(manifest));
        assertThatThrownBy(() -> ours.verify(manifest, theirs.seal(manifest)))
                .isInstanceOfSatisfying(
                        CheckpointException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.UNSIGNED));
        assertThatThrownBy(() -> ours.verify(manifest, CheckpointSeal.unkeyed().seal(manifest)))
                .isInstanceOf(CheckpointException.class);
        assertThatThrownBy(() -> ours.verify(manifest, null)).isInstanceOf(CheckpointException.class);
        CheckpointSeal.unkeyed().verify(manifest, ours.seal(manifest));
    }

    @Test
    void shouldParseKeys() {
        assertThat(CheckpointCodec.versionOf(CheckpointCodec.chunkKey("byol", 42, 3)))
                .isEqualTo(42);
        assertThat(CheckpointCodec.methodOf(CheckpointCodec.chunkKey("byol", 42, 3)))
                .isEqualTo("byol");
        assertThat(CheckpointCodec.chunkIndexOf(CheckpointCodec.chunkKey("byol", 42, 3)))
                .isEqualTo(3);
        assertThat(CheckpointCodec.isManifestKey(CheckpointCodec.manifestKey("byol", 42)))
                .isTrue();
        assertThat(CheckpointCodec.isManifestKey(CheckpointCodec.chunkKey("byol", 42, 1)))
                .isFalse();
        assertThat(CheckpointCodec.versionOf("something-else")).isEqualTo(-1);
        assertThat(CheckpointCodec.chunkIndexOf("byol/v0000000042/chunk/x")).isEqualTo(-1);
        assertThat(CheckpointCodec.versionOfName("v0000000042")).isEqualTo(42);
        assertThat(CheckpointCodec.versionOfName(".incoming-1")).isEqualTo(-1);
    }
}
