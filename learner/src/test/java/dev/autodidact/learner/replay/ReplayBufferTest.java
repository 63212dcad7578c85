package dev.autodidact.learner.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    private static final int ITEM_BYTES = 4 * 4 * 3;

    /** A 4x4 input whose first two bytes hold {@code id} and whose third byte holds its {@code cluster}. */
    private static Example item(int id, int cluster) {
        byte[] px = new byte[ITEM_BYTES];
        px[0] = (byte) (id >> 8);
        px[1] = (byte) id;
        px[2] = (byte) cluster;
        return Example.builder(Modality.IMAGE)
                .meta("augment", "spec")
                .put(ArrayNames.INPUT, Tensor.wrap(DType.U8, new int[] {4, 4, 3}, px))
                .build();
    }

    private static int id(Example e) {
        byte[] b = e.array(ArrayNames.INPUT).bytes();
        return ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    }

    private static int cluster(Example e) {
        return e.array(ArrayNames.INPUT).bytes()[2];
    }

    /** Embeddings that are one-hot in the cluster: items of one cluster are exact duplicates in feature space. */
    private static float[][] oneHot(List<Tensor> inputs) {
        float[][] z = new float[inputs.size()][16];
        for (int i = 0; i < z.length; i++) {
            z[i][inputs.get(i).bytes()[2]] = 1;
        }
        return z;
    }

    @Test
    void shouldStayWithinItsBytesUnderAFloodWhateverThePolicy() {
        try (NDManager root = NDManager.newBaseManager()) {
            for (String policy : List.of("fifo", "reservoir", "minred")) {
                ReplayBuffer buffer = ReplayBuffers.create(policy, 50L * ITEM_BYTES, 3, root, ReplayBufferTest::oneHot)
                        .orElseThrow();
                for (int round = 0; round < 40; round++) {
                    List<Example> batch = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        batch.add(item(round * 25 + i, (round * 25 + i) % 16));
                    }
                    buffer.offer(batch);
                    assertThat(buffer.bytes()).as(policy).isLessThanOrEqualTo(50L * ITEM_BYTES);
                }
                long itemBytes = ITEM_BYTES + (policy.equals("minred") ? 16 * 4 : 0);
                assertThat(buffer.size())
                        .as(policy + ": full, its embedding counted for minred")
                        .isEqualTo((int) (50L * ITEM_BYTES / itemBytes));
            }
            assertThat(ReplayBuffers.create("none", 1, 1, root, ReplayBufferTest::oneHot))
                    .isEmpty();
        }
    }

    @Test
    void shouldKeepTheMostRecentInFifoAndAUniformSampleInTheReservoir() {
        ReplayBuffer fifo =
                ReplayBuffers.create("fifo", 100L * ITEM_BYTES, 1, null, null).orElseThrow();
        ReplayBuffer reservoir = ReplayBuffers.create("reservoir", 100L * ITEM_BYTES, 1, null, null)
                .orElseThrow();
        for (int i = 0; i < 10_000; i++) {
            fifo.offer(List.of(item(i, 0)));
            reservoir.offer(List.of(item(i, 0)));
        }
        assertThat(fifo.items()).extracting(ReplayBufferTest::id).allMatch(id -> id >= 9_900);
        double mean = reservoir.items().stream()
                .mapToInt(ReplayBufferTest::id)
                .average()
                .orElseThrow();
        assertThat(mean).as("a uniform sample of 0..9999").isBetween(4_000.0, 6_000.0);
        assertThat(reservoir.items()).extracting(ReplayBufferTest::id).anyMatch(id -> id < 5_000);
        assertThat(reservoir.state()).isEqualTo(10_000);
    }

    @Test
    void shouldKeepDiverseInputsWithMinRedWhenTheStreamRepeatsItself() {
        try (NDManager root = NDManager.newBaseManager()) {
            long minredItem = ITEM_BYTES + 16 * 4;
            ReplayBuffer minred = ReplayBuffers.create("minred", 16 * minredItem, 1, root, ReplayBufferTest::oneHot)
                    .orElseThrow();
            ReplayBuffer fifo = ReplayBuffers.create("fifo", 16L * ITEM_BYTES, 1, null, null)
                    .orElseThrow();
            SplittableRandom r = new SplittableRandom(5);
            Set<Integer> seen = new HashSet<>();
            int id = 0;
            for (int burst = 0; burst < 20; burst++) {
                int cluster = r.nextInt(16);
                seen.add(cluster);
                List<Example> frames = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    frames.add(item(id++, cluster));
                }
                minred.offer(frames);
                fifo.offer(frames);
            }
            Set<Integer> minredClusters = new HashSet<>(
                    minred.items().stream().map(ReplayBufferTest::cluster).toList());
            Set<Integer> fifoClusters = new HashSet<>(
                    fifo.items().stream().map(ReplayBufferTest::cluster).toList());
            assertThat(fifoClusters).as("fifo holds the last burst").hasSize(1);
            assertThat(seen).hasSizeGreaterThanOrEqualTo(10);
            assertThat(minred.size()).isEqualTo(16);
            assertThat(minredClusters)
                    .as("minred keeps one of each cluster seen")
                    .hasSize(Math.min(16, seen.size()));
        }
    }

    /**
     * The encoder changes while items sit in the buffer: a and b had the same embedding when offered, and the encoder
     * now tells them apart. Once they are replayed, their embeddings are refreshed, so the next eviction removes the
     * pair that is redundant under the current encoder (c, embedded long ago, and the new d), not a or b.
     */
    @Test
    void shouldRefreshTheEmbeddingsOfReplayedItemsSoEvictionFollowsTheCurrentEncoder() {
        try (NDManager root = NDManager.newBaseManager()) {
            float[][] encoder = {oneHot16(0), oneHot16(0), oneHot16(1), oneHot16(1)};
            ReplayBuffer minred = ReplayBuffers.create(
                            "minred",
                            3 * (ITEM_BYTES + 16 * 4),
                            1,
                            root,
                            inputs -> inputs.stream()
                                    .map(t -> encoder[idOf(t)].clone())
                                    .toArray(float[][]::new))
                    .orElseThrow();
            Example a = item(0, 0);
            Example b = item(1, 0);
            Example c = item(2, 1);
            minred.offer(List.of(a, b, c));
            assertThat(minred.size()).isEqualTo(3);

            encoder[0] = oneHot16(2);
            encoder[1] = oneHot16(3);
            List<Example> replayed = minred.items().stream()
                    .filter(e -> id(e) == 0 || id(e) == 1)
                    .toList();
            minred.offer(List.of(item(3, 1)), replayed);

            assertThat(minred.items().stream().map(ReplayBufferTest::id).toList())
                    .as("a and b, distinct under the current encoder, are kept; one of c and d goes")
                    .contains(0, 1)
                    .hasSize(3);
            assertThat(minred.items().stream()
                            .filter(e -> id(e) == 0)
                            .findFirst()
                            .orElseThrow()
                            .array(MinRedReplay.FEATURE)
                            .floats())
                    .as("the refreshed embedding travels with the item into checkpoints")
                    .containsExactly(oneHot16(2));
        }
    }

    private static float[] oneHot16(int index) {
        float[] z = new float[16];
        z[index] = 1;
        return z;
    }

    private static int idOf(Tensor input) {
        byte[] b = input.bytes();
        return ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    }

    @Test
    void shouldSurviveACheckpointRoundTripAndRejectAMalformedSection() {
        try (NDManager root = NDManager.newBaseManager()) {
            for (String policy : List.of("fifo", "reservoir", "minred")) {
                ReplayBuffer buffer = ReplayBuffers.create(policy, 20L * ITEM_BYTES, 3, root, ReplayBufferTest::oneHot)
                        .orElseThrow();
                for (int i = 0; i < 30; i++) {
                    buffer.offer(List.of(item(i, i % 16)));
                }
                byte[] section = ReplayState.save(buffer);
                ReplayBuffer restored = ReplayBuffers.create(
                                policy, 20L * ITEM_BYTES, 3, root, ReplayBufferTest::oneHot)
                        .orElseThrow();
                ReplayState.load(section, restored);
                assertThat(restored.items())
                        .as(policy)
                        .extracting(ReplayBufferTest::id)
                        .containsExactlyElementsOf(buffer.items().stream()
                                .map(ReplayBufferTest::id)
                                .toList());
                assertThat(restored.state()).isEqualTo(buffer.state());
                byte[] truncated = java.util.Arrays.copyOf(section, section.length - 5);
                assertThatThrownBy(() -> ReplayState.load(truncated, restored))
                        .isInstanceOf(IllegalStateException.class);
                byte[] lying = section.clone();
                java.nio.ByteBuffer.wrap(lying).putInt(8, Integer.MAX_VALUE);
                assertThatThrownBy(() -> ReplayState.load(lying, restored))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("items");
            }
        }
    }

    @Test
    void shouldSampleOnlyWhatItHolds() {
        ReplayBuffer fifo =
                ReplayBuffers.create("fifo", 10L * ITEM_BYTES, 1, null, null).orElseThrow();
        assertThat(fifo.sample(5, new SplittableRandom(1))).isEmpty();
        fifo.offer(List.of(item(1, 0), item(2, 0)));
        assertThat(fifo.sample(5, new SplittableRandom(1)))
                .hasSize(5)
                .extracting(ReplayBufferTest::id)
                .containsOnly(1, 2);
    }
}
