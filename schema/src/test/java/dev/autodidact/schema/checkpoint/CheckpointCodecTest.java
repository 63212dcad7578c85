package dev.autodidact.schema.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {
    private static Checkpoint checkpoint(long version, int chunkBytes) {
        byte[] enc = new byte[10_000];
        byte[] opt = new byte[3_333];
        new Random(version).nextBytes(enc);
        new Random(-version).nextBytes(opt);
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("encoder", enc);
        sections.put("optimizer", opt);
        CheckpointManifest draft = new CheckpointManifest(version, version - 1, "simclr", "image",
                Map.of("widths", "32,64,128"), 100, 25_600, Map.of("t-0", 25_600L), Map.of("loss", 4.2),
                List.of(), 0, 0, "", 1L);
        return CheckpointCodec.assemble(draft, sections, chunkBytes);
    }

    @Test
    void shouldChunkAndReassembleWithSectionsIntact() {
        Checkpoint cp = checkpoint(7, 4096);
        List<Map.Entry<String, byte[]>> records = CheckpointCodec.toRecords(cp);
        assertThat(records).hasSize(cp.manifest().chunks() + 1);
        assertThat(cp.manifest().chunks()).isEqualTo(4);
        assertThat(records.get(records.size() - 1).getKey()).isEqualTo("v0000000007/manifest");

        CheckpointAssembler assembler = new CheckpointAssembler();
        Optional<Checkpoint> out = Optional.empty();
        for (var r : records) {
            out = assembler.accept(r.getKey(), r.getValue());
        }
        assertThat(out).isPresent();
        assertThat(out.get().manifest()).isEqualTo(cp.manifest());
        assertThat(out.get().section("optimizer")).isEqualTo(cp.section("optimizer"));
        assertThat(out.get().manifest().offsets()).containsEntry("t-0", 25_600L);
    }

    @Test
    void shouldRejectCorruptedChunk() {
        List<Map.Entry<String, byte[]>> records = CheckpointCodec.toRecords(checkpoint(3, 4096));
        CheckpointAssembler assembler = new CheckpointAssembler();
        records.get(1).getValue()[0] ^= 1;
        for (int i = 0; i < records.size() - 1; i++) {
            assembler.accept(records.get(i).getKey(), records.get(i).getValue());
        }
        var manifest = records.get(records.size() - 1);
        assertThatThrownBy(() -> assembler.accept(manifest.getKey(), manifest.getValue()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("SHA-256");
    }

    @Test
    void shouldParseKeys() {
        assertThat(CheckpointCodec.versionOf(CheckpointCodec.chunkKey(42, 3))).isEqualTo(42);
        assertThat(CheckpointCodec.chunkIndexOf(CheckpointCodec.chunkKey(42, 3))).isEqualTo(3);
        assertThat(CheckpointCodec.isManifestKey(CheckpointCodec.manifestKey(42))).isTrue();
        assertThat(CheckpointCodec.versionOf("something-else")).isEqualTo(-1);
    }
}
