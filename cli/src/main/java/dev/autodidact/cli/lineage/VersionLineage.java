package dev.autodidact.cli.lineage;

import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.schema.checkpoint.OffsetRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A version and its ancestry: the version, its parent, the parent's parent, ... back to the first one whose manifest
 * is there. With the lineage of every version in the chain, the records consumed over the chain add up, per
 * partition, to the version's {@code offsets} (everything before them) plus its trained-ahead offsets.
 *
 * @param ancestry the version first, then its parents, newest first
 * @param reachesRoot whether the chain ends at a version trained from random weights (parent 0), not at a missing
 *     manifest
 */
public record VersionLineage(List<CheckpointManifest> ancestry, boolean reachesRoot) {

    public VersionLineage {
        ancestry = List.copyOf(ancestry);
        if (ancestry.isEmpty()) {
            throw new IllegalArgumentException("A lineage needs at least its own version");
        }
    }

    /** {@code manifest} followed back through {@code byVersion} by {@code parentVersion}. */
    public static VersionLineage of(CheckpointManifest manifest, Map<Long, CheckpointManifest> byVersion) {
        List<CheckpointManifest> chain = new ArrayList<>();
        CheckpointManifest m = manifest;
        while (m != null) {
            chain.add(m);
            long parent = m.parentVersion();
            if (parent <= 0) {
                return new VersionLineage(chain, true);
            }
            m = parent < m.version() ? byVersion.get(parent) : null;
        }
        return new VersionLineage(chain, false);
    }

    public CheckpointManifest manifest() {
        return ancestry.get(0);
    }

    /**
     * Whether the version at {@code index} of the ancestry says what it consumed: it lists consumed ranges, or it
     * consumed nothing (its offsets and trained-ahead offsets are its parent's). A manifest from a build before the
     * lineage fields has neither.
     */
    public boolean hasLineage(int index) {
        CheckpointManifest m = ancestry.get(index);
        if (!m.consumed().isEmpty()) {
            return true;
        }
        if (m.parentVersion() <= 0) {
            return m.offsets().values().stream().allMatch(o -> o == 0)
                    && m.trainedAhead().isEmpty();
        }
        if (index + 1 >= ancestry.size()) {
            return false;
        }
        CheckpointManifest parent = ancestry.get(index + 1);
        return m.offsets().equals(parent.offsets()) && m.trainedAhead().equals(parent.trainedAhead());
    }

    public boolean everyVersionHasLineage() {
        for (int i = 0; i < ancestry.size(); i++) {
            if (!hasLineage(i)) {
                return false;
            }
        }
        return true;
    }

    /** Records consumed per partition over the whole chain: the sum of every version's consumed range sizes. */
    public Map<String, Long> cumulativeConsumed() {
        Map<String, Long> sum = new TreeMap<>();
        ancestry.forEach(m -> records(m.consumed()).forEach((tp, n) -> sum.merge(tp, n, Long::sum)));
        return sum;
    }

    /** What the chain must have consumed per partition: the version's offset plus its trained-ahead offsets. */
    public Map<String, Long> expectedConsumed() {
        Map<String, Long> expected = new TreeMap<>(manifest().offsets());
        records(manifest().trainedAhead()).forEach((tp, n) -> expected.merge(tp, n, Long::sum));
        return expected;
    }

    /** Whether {@link #cumulativeConsumed} equals {@link #expectedConsumed} on every partition (absent counts 0). */
    public boolean sumsAgree() {
        Map<String, Long> cumulative = cumulativeConsumed();
        Map<String, Long> expected = expectedConsumed();
        TreeSet<String> partitions = new TreeSet<>(cumulative.keySet());
        partitions.addAll(expected.keySet());
        return partitions.stream()
                .allMatch(tp -> Objects.equals(cumulative.getOrDefault(tp, 0L), expected.getOrDefault(tp, 0L)));
    }

    /** The chain reaches random weights, every version in it has lineage, and the sums agree. */
    public boolean complete() {
        return reachesRoot && everyVersionHasLineage() && sumsAgree();
    }

    /** The number of offsets in {@code ranges}, per partition. */
    public static Map<String, Long> records(Map<String, List<OffsetRange>> ranges) {
        Map<String, Long> sizes = new TreeMap<>();
        ranges.forEach((tp, list) ->
                sizes.put(tp, list.stream().mapToLong(OffsetRange::size).sum()));
        return sizes;
    }
}
