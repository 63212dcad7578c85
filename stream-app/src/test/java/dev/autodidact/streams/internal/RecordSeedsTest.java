package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordSeedsTest {

    @Test
    void shouldGiveTheSameSeedForTheSameRecord() {
        assertThat(RecordSeeds.seed(1, "raw", 0, 5)).isEqualTo(RecordSeeds.seed(1, "raw", 0, 5));
        assertThat(RecordSeeds.generator(1, "raw", 0, 5).nextLong())
                .isEqualTo(RecordSeeds.generator(1, "raw", 0, 5).nextLong());
    }

    @Test
    void shouldGiveDistinctSeedsWhenAnyPartDiffers() {
        Set<Long> seeds = new HashSet<>();
        for (long offset = 0; offset < 1000; offset++) {
            for (int partition = 0; partition < 4; partition++) {
                seeds.add(RecordSeeds.seed(1, "raw", partition, offset));
            }
        }
        seeds.add(RecordSeeds.seed(2, "raw", 0, 0));
        seeds.add(RecordSeeds.seed(1, "raw2", 0, 0));

        assertThat(seeds).hasSize(4002);
    }
}
