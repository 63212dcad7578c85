package dev.autodidact.media.image.pretext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JigsawPermutationsTest {

    @Test
    void shouldChooseDistinctPermutationsOfTheTiles() {
        JigsawPermutations set = JigsawPermutations.of(3, 100);

        assertThat(set.count()).isEqualTo(100);
        assertThat(set.grid()).isEqualTo(3);
        Set<String> distinct = new HashSet<>();
        for (int t = 0; t < set.count(); t++) {
            int[] p = set.permutation(t);
            assertThat(p.clone())
                    .as("permutation %d", t)
                    .containsExactlyInAnyOrder(IntStream.range(0, 9).toArray());
            distinct.add(Arrays.toString(p));
        }
        assertThat(distinct).hasSize(100);
    }

    @Test
    void shouldSpreadThePermutationsFartherApartThanChance() {
        for (int grid : new int[] {3, 4}) {
            JigsawPermutations set = JigsawPermutations.of(grid, 100);
            List<int[]> chosen = new ArrayList<>();
            for (int t = 0; t < set.count(); t++) {
                chosen.add(set.permutation(t));
            }
            List<int[]> random = randomPermutations(grid * grid, 100, new SplittableRandom(grid));

            assertThat(minimumDistance(chosen))
                    .as("grid %d", grid)
                    .isGreaterThan(minimumDistance(random))
                    .isGreaterThanOrEqualTo(grid == 3 ? 6 : 11);
        }
    }

    @Test
    void shouldBuildTheSameSetEveryTime() {
        assertThat(JigsawPermutations.select(3, 30)).isDeepEqualTo(JigsawPermutations.select(3, 30));
        assertThat(JigsawPermutations.select(5, 20)).isDeepEqualTo(JigsawPermutations.select(5, 20));
        assertThat(JigsawPermutations.of(3, 30)).isSameAs(JigsawPermutations.of(3, 30));
        assertThat(JigsawPermutations.of(3, 30).permutation(0))
                .as("the start is drawn from a fixed seed, not the identity")
                .isNotEqualTo(IntStream.range(0, 9).toArray());
    }

    @Test
    void shouldTakeEveryPermutationOfATwoByTwoGridAndNoMore() {
        assertThat(JigsawPermutations.maxCount(2)).isEqualTo(24);
        assertThat(JigsawPermutations.maxCount(3)).isEqualTo(JigsawPermutations.MAX_COUNT);
        JigsawPermutations all = JigsawPermutations.of(2, 24);
        Set<String> distinct = new HashSet<>();
        for (int t = 0; t < all.count(); t++) {
            distinct.add(Arrays.toString(all.permutation(t)));
        }
        assertThat(distinct).hasSize(24);
        assertThatThrownBy(() -> JigsawPermutations.of(2, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 24");
    }

    @Test
    void shouldRefuseGridsAndCountsOutOfRange() {
        assertThatThrownBy(() -> JigsawPermutations.of(1, 1)).hasMessageContaining("2 to 8");
        assertThatThrownBy(() -> JigsawPermutations.of(9, 1)).hasMessageContaining("2 to 8");
        assertThatThrownBy(() -> JigsawPermutations.of(3, 0)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> JigsawPermutations.of(3, 1001)).hasMessageContaining("1 to 1000");
    }

    private static int minimumDistance(List<int[]> permutations) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < permutations.size(); i++) {
            for (int j = i + 1; j < permutations.size(); j++) {
                min = Math.min(min, JigsawPermutations.hamming(permutations.get(i), permutations.get(j)));
            }
        }
        return min;
    }

    private static List<int[]> randomPermutations(int n, int count, SplittableRandom rng) {
        List<int[]> out = new ArrayList<>();
        while (out.size() < count) {
            int[] p = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int swap = p[i];
                p[i] = p[j];
                p[j] = swap;
            }
            out.add(p);
        }
        return out;
    }
}
