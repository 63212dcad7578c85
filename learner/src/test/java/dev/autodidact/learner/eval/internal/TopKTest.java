package dev.autodidact.learner.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void shouldKeepTheKLargestScoresOfAShuffledStream() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, new Random(1));
        TopK top = new TopK(20);
        for (int id : ids) {
            top.offer(id * 0.5f, id);
        }

        assertThat(heldIds(top))
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().filter(i -> i >= 980).toList());
    }

    @Test
    void shouldPreferTheLowerIdAmongEqualScores() {
        TopK top = new TopK(2);
        top.offer(1f, 9);
        top.offer(1f, 3);
        top.offer(1f, 7);
        top.offer(1f, 1);
        top.offer(0.5f, 0);

        assertThat(heldIds(top)).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void shouldHoldFewerThanKWhenFewerWereOfferedAndForgetOnClear() {
        TopK top = new TopK(5);
        top.offer(2f, 0);
        top.offer(-1f, 1);

        assertThat(top.size()).isEqualTo(2);
        top.clear();
        assertThat(top.size()).isZero();
    }

    private static List<Integer> heldIds(TopK top) {
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            held.add(top.id(i));
        }
        return held;
    }
}
