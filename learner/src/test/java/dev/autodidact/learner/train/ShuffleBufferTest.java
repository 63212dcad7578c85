package dev.autodidact.learner.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.checkpoint.OffsetRange;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ShuffleBufferTest {
    private static final TopicPartition TP = new TopicPartition("examples", 0);

    /** An 8x8 example whose first pixel byte says its class, for checking how batches mix. */
    private static Example example(int label) {
        byte[] px = new byte[8 * 8 * 3];
        px[0] = (byte) label;
        return ImageArrays.views(List.of(new CleanImage(8, 8, px)), "two-views");
    }

    private static int label(Example e) {
        return e.array("view.0").bytes()[0];
    }

    private static void feed(ShuffleBuffer buffer, long offset, int label) {
        if (buffer.accept(TP, offset)) {
            buffer.add(TP, offset, example(label));
        }
    }

    @Test
    void shouldMixAClassSortedStreamIntoBatches() {
        ShuffleBuffer buffer = new ShuffleBuffer(Long.MAX_VALUE, 500, 7);
        long offset = 0;
        List<Set<Integer>> classesPerBatch = new ArrayList<>();
        for (int label = 0; label < 10; label++) {
            for (int i = 0; i < 100; i++) {
                feed(buffer, offset++, label);
                buffer.next(50, false)
                        .ifPresent(b -> classesPerBatch.add(new HashSet<>(b.examples().stream()
                                .map(ShuffleBufferTest::label)
                                .toList())));
            }
        }
        assertThat(classesPerBatch).isNotEmpty().allSatisfy(c -> assertThat(c).hasSizeGreaterThanOrEqualTo(4));
    }

    @Test
    void shouldHandOutInArrivalOrderBelowTheBatchSize() {
        ShuffleBuffer buffer = new ShuffleBuffer(Long.MAX_VALUE, 0, 7);
        for (int i = 0; i < 4; i++) {
            feed(buffer, i, i);
        }
        ExampleBatch batch = buffer.next(2, false).orElseThrow();
        assertThat(batch.examples()).extracting(ShuffleBufferTest::label).containsExactly(0, 1);
        assertThat(batch.offsetsAfter()).containsEntry(TP, 2L);
        assertThat(batch.trainedAhead()).isEmpty();
    }

    @Test
    void shouldStayWithinItsByteBudgetAndDrawOnlyWhenFullOrDrained() {
        long exampleBytes = 8 * 8 * 3;
        ShuffleBuffer buffer = new ShuffleBuffer(10 * exampleBytes, 1000, 7);
        for (int i = 0; i < 9; i++) {
            feed(buffer, i, 0);
        }
        assertThat(buffer.full()).isFalse();
        assertThat(buffer.next(4, false)).isEmpty();
        assertThat(buffer.next(4, true)).as("an idle stream drains").isPresent();
        for (int i = 9; i < 15; i++) {
            feed(buffer, i, 0);
        }
        assertThat(buffer.full()).isTrue();
        assertThat(buffer.bytes()).isEqualTo(11 * exampleBytes);
        assertThat(buffer.next(4, false)).isPresent();
        assertThat(buffer.bytes()).isEqualTo(7 * exampleBytes);
    }

    @Test
    void shouldTrainEveryOffsetExactlyOnceAcrossARestartFromTheWatermarkAndTrainedAhead() {
        ShuffleBuffer before = new ShuffleBuffer(Long.MAX_VALUE, 64, 11);
        List<Long> trained = new ArrayList<>();
        Map<TopicPartition, Long> watermark = Map.of();
        Map<TopicPartition, List<Long>> ahead = Map.of();
        long offset = 0;
        for (; offset < 600; offset++) {
            if (before.accept(TP, offset)) {
                before.add(TP, offset, labelled((int) offset));
            }
            var batch = before.next(16, false);
            if (batch.isPresent()) {
                trained.addAll(batch.get().examples().stream()
                        .map(e -> (long) offsetOf(e))
                        .toList());
                if (offset < 400) {
                    watermark = batch.get().offsetsAfter();
                    ahead = batch.get().trainedAhead();
                }
            }
        }
        // Crash: everything trained after the last checkpoint (offset < 400) is lost with the weights.
        long w = watermark.get(TP);
        Set<Long> checkpointed = new HashSet<>();
        for (long o = 0; o < w; o++) {
            checkpointed.add(o);
        }
        checkpointed.addAll(ahead.get(TP));
        assertThat(ahead.get(TP)).allMatch(o -> o >= w).isNotEmpty();

        ShuffleBuffer after = new ShuffleBuffer(Long.MAX_VALUE, 64, 12);
        after.restore(ahead);
        List<Long> retrained = new ArrayList<>();
        for (long o = w; o < 600; o++) {
            if (after.accept(TP, o)) {
                after.add(TP, o, labelled((int) o));
            }
            after.next(16, false)
                    .ifPresent(b -> retrained.addAll(
                            b.examples().stream().map(e -> (long) offsetOf(e)).toList()));
        }
        after.next(after.buffered(), true)
                .ifPresent(b -> retrained.addAll(
                        b.examples().stream().map(e -> (long) offsetOf(e)).toList()));

        List<Long> all = new ArrayList<>(checkpointed);
        all.addAll(retrained);
        assertThat(all).hasSize(600).doesNotHaveDuplicates();
        assertThat(after.watermarks()).containsEntry(TP, 600L);
        assertThat(after.trainedAhead()).isEmpty();
    }

    /** Examples that carry their own offset in their pixels (for the exactly-once test). */
    private static Example labelled(int offset) {
        byte[] px = new byte[8 * 8 * 3];
        px[1] = (byte) (offset >> 8);
        px[2] = (byte) offset;
        return ImageArrays.views(List.of(new CleanImage(8, 8, px)), "two-views");
    }

    private static int offsetOf(Example e) {
        byte[] b = e.array("view.0").bytes();
        return ((b[1] & 0xff) << 8) | (b[2] & 0xff);
    }

    @Test
    void shouldMakeConsumedRangesOfConsecutiveVersionsAddUpToEverythingConsumed() {
        List<OffsetRange> v1 = OffsetRanges.added(0, List.of(), 10, List.of(12L, 15L));
        List<OffsetRange> v2 = OffsetRanges.added(10, List.of(12L, 15L), 14, List.of(15L, 16L, 20L));
        assertThat(v1).containsExactly(new OffsetRange(0, 10), new OffsetRange(12, 13), new OffsetRange(15, 16));
        assertThat(v2)
                .containsExactly(
                        new OffsetRange(10, 12),
                        new OffsetRange(13, 14),
                        new OffsetRange(16, 17),
                        new OffsetRange(20, 21));
        long total = v1.stream().mapToLong(OffsetRange::size).sum()
                + v2.stream().mapToLong(OffsetRange::size).sum();
        assertThat(total).as("watermark 14 plus 3 offsets trained ahead").isEqualTo(14 + 3);
        assertThat(OffsetRanges.of(List.of(3L, 1L, 2L, 7L)))
                .containsExactly(new OffsetRange(1, 4), new OffsetRange(7, 8));
    }
}
