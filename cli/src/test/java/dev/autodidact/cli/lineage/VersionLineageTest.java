package dev.autodidact.cli.lineage;

import static dev.autodidact.cli.lineage.LineageManifests.P0;
import static dev.autodidact.cli.lineage.LineageManifests.P1;
import static dev.autodidact.cli.lineage.LineageManifests.manifest;
import static dev.autodidact.cli.lineage.LineageManifests.ranges;
import static dev.autodidact.cli.lineage.LineageManifests.withoutLineage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionLineageTest {

    @Test
    void shouldFollowParentsBackToRandomWeightsAndAddUpTheRanges() {
        VersionLineage lineage = lineageOf(3, LineageManifests.threeVersionChain());

        assertThat(lineage.ancestry()).extracting(CheckpointManifest::version).containsExactly(3L, 2L, 1L);
        assertThat(lineage.reachesRoot()).isTrue();
        assertThat(lineage.cumulativeConsumed()).isEqualTo(Map.of(P0, 300L, P1, 120L));
        assertThat(lineage.expectedConsumed()).isEqualTo(Map.of(P0, 300L, P1, 120L));
        assertThat(lineage.complete()).isTrue();
    }

    @Test
    void shouldCountTrainedAheadOffsetsAsConsumedBeyondTheWatermark() {
        VersionLineage v2 = lineageOf(2, LineageManifests.chainWithTrainedAhead());

        assertThat(v2.cumulativeConsumed()).isEqualTo(Map.of(P0, 160L));
        assertThat(v2.expectedConsumed()).isEqualTo(Map.of(P0, 160L));
        assertThat(v2.complete()).isTrue();
        assertThat(lineageOf(3, LineageManifests.chainWithTrainedAhead()).complete())
                .isTrue();
    }

    @Test
    void shouldBeIncompleteWhenARangeIsMissing() {
        List<CheckpointManifest> chain = new ArrayList<>(LineageManifests.chainWithTrainedAhead());
        chain.set(2, manifest(3, 2, Map.of(P0, 200L), Map.of(), Map.of(P0, ranges(170, 200))));

        VersionLineage lineage = lineageOf(3, chain);

        assertThat(lineage.everyVersionHasLineage()).isTrue();
        assertThat(lineage.cumulativeConsumed()).isEqualTo(Map.of(P0, 190L));
        assertThat(lineage.sumsAgree()).isFalse();
        assertThat(lineage.complete()).isFalse();
    }

    @Test
    void shouldBeIncompleteWhenAnOldManifestHasNoLineage() {
        VersionLineage lineage = lineageOf(
                2,
                List.of(
                        withoutLineage(1, 0, Map.of(P0, 100L)),
                        manifest(2, 1, Map.of(P0, 200L), Map.of(), Map.of(P0, ranges(100, 200)))));

        assertThat(lineage.hasLineage(0)).isTrue();
        assertThat(lineage.hasLineage(1)).isFalse();
        assertThat(lineage.complete()).isFalse();
    }

    @Test
    void shouldTreatAVersionThatMovedNoOffsetAsHavingConsumedNothing() {
        VersionLineage lineage = lineageOf(
                2,
                List.of(
                        manifest(1, 0, Map.of(P0, 100L), Map.of(), Map.of(P0, ranges(0, 100))),
                        withoutLineage(2, 1, Map.of(P0, 100L))));

        assertThat(lineage.hasLineage(0)).isTrue();
        assertThat(lineage.complete()).isTrue();
    }

    @Test
    void shouldStopAtAMissingParentAndSayTheRootIsNotReached() {
        List<CheckpointManifest> chain = new ArrayList<>(LineageManifests.threeVersionChain());
        chain.remove(0);

        VersionLineage lineage = lineageOf(3, chain);

        assertThat(lineage.ancestry()).extracting(CheckpointManifest::version).containsExactly(3L, 2L);
        assertThat(lineage.reachesRoot()).isFalse();
        assertThat(lineage.complete()).isFalse();
    }

    @Test
    void shouldSkipVersionsThatAreNotAncestors() {
        List<CheckpointManifest> chain = new ArrayList<>(LineageManifests.threeVersionChain());
        chain.set(2, manifest(3, 1, Map.of(P0, 150L, P1, 80L), Map.of(), Map.of(P0, ranges(100, 150))));

        VersionLineage lineage = lineageOf(3, chain);

        assertThat(lineage.ancestry()).extracting(CheckpointManifest::version).containsExactly(3L, 1L);
        assertThat(lineage.complete()).isTrue();
    }

    private static VersionLineage lineageOf(long version, List<CheckpointManifest> manifests) {
        return ManifestHistory.of("test", manifests, null).lineage(version).orElseThrow();
    }
}
