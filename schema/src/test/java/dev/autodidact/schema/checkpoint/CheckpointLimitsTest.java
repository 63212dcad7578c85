package dev.autodidact.schema.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointLimitsTest {
    private static CheckpointManifest manifest(long payloadBytes, int chunks, List<CheckpointSection> sections) {
        return new CheckpointManifest(
                2, 1, "simclr", "image", Map.of(), 1, 1, Map.of(), Map.of(), sections, payloadBytes, chunks, "", 0);
    }

    @Test
    void shouldRefuseAPayloadSizeOverTheCapBeforeAllocating() {
        assertThatThrownBy(() -> CheckpointLimits.check(
                        manifest(Long.MAX_VALUE, 1, List.of(new CheckpointSection("encoder", 0, Long.MAX_VALUE, "")))))
                .isInstanceOfSatisfying(
                        CheckpointException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.TOO_LARGE));
    }

    @Test
    void shouldRefuseSectionsOutsideThePayload() {
        assertThatThrownBy(() -> CheckpointLimits.check(manifest(
                        100,
                        1,
                        List.of(
                                new CheckpointSection("encoder", 0, 60, ""),
                                new CheckpointSection("head", 60, 50, "")))))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("section head");
        assertThatThrownBy(() ->
                        CheckpointLimits.check(manifest(100, 1, List.of(new CheckpointSection("encoder", 10, 90, "")))))
                .isInstanceOf(CheckpointException.class);
        CheckpointLimits.check(manifest(
                100,
                1,
                List.of(new CheckpointSection("encoder", 0, 40, ""), new CheckpointSection("head", 40, 60, ""))));
    }

    @Test
    void shouldRefuseAChunkCountOverTheCap() {
        assertThatThrownBy(() -> CheckpointLimits.check(manifest(0, Integer.MAX_VALUE, List.of())))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("chunks");
    }

    @Test
    void shouldRefuseAHugeManifestWithoutParsingIt() {
        byte[] huge = new byte[CheckpointLimits.MAX_MANIFEST_BYTES + 1];
        assertThatThrownBy(() -> CheckpointCodec.readManifest(huge)).isInstanceOf(CheckpointException.class);
        assertThatThrownBy(() -> CheckpointCodec.readManifest("garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        CheckpointException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.CORRUPT));
    }

    @Test
    void shouldKeepTheNewestLocationsInTheIndexAndNameTheDroppedOnes() {
        CheckpointIndex index = new CheckpointIndex("simclr", List.of());
        for (long v = 1; v <= 5; v++) {
            index = index.plus(new CheckpointLocation(v, v * 10, v * 10 + 3, 3), 3);
        }
        assertThat(index.retained()).extracting(CheckpointLocation::version).containsExactly(5L, 4L, 3L);
        CheckpointIndex next = index.plus(new CheckpointLocation(6, 60, 63, 3), 3);
        assertThat(index.droppedBy(next))
                .extracting(CheckpointLocation::version)
                .containsExactly(3L);
        assertThat(CheckpointIndex.fromBytes(next.toBytes())).isEqualTo(next);
        assertThatThrownBy(() -> CheckpointIndex.fromBytes("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CheckpointException.class);
    }
}
