package dev.autodidact.cli.lineage;

import static dev.autodidact.cli.lineage.LineageManifests.P0;
import static dev.autodidact.cli.lineage.LineageManifests.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ManifestHistoryTest {

    @Test
    void shouldDescribeTheVersionsAsRuns() {
        List<CheckpointManifest> manifests = LongStream.of(1, 2, 3, 5, 7, 8)
                .mapToObj(ManifestHistoryTest::plain)
                .toList();

        assertThat(ManifestHistory.of("test", manifests, null).describeVersions())
                .isEqualTo("1-3, 5, 7-8");
    }

    @Test
    void shouldKeepOnlyTheChosenMethod() {
        ManifestHistory history = ManifestHistory.of(
                "test",
                List.of(
                        plain(1),
                        manifest("byol", 1, 0, Map.of(), Map.of(), Map.of()),
                        manifest("byol", 2, 1, Map.of(), Map.of(), Map.of())),
                "byol");

        assertThat(history.method()).isEqualTo("byol");
        assertThat(history.byVersion()).containsOnlyKeys(1L, 2L);
        assertThat(history.find(2)).isPresent();
    }

    @Test
    void shouldAskForAMethodWhenSeveralAreMixed() {
        List<CheckpointManifest> mixed = List.of(plain(1), manifest("byol", 1, 0, Map.of(), Map.of(), Map.of()));

        assertThatThrownBy(() -> ManifestHistory.of("test", mixed, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[byol, simclr]")
                .hasMessageContaining("--method");
    }

    private static CheckpointManifest plain(long v) {
        return manifest(v, v - 1, Map.of(P0, 10 * v), Map.of(), Map.of());
    }
}
