package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * wav2vec 2.0's span mask: about half the frames of a 1 s clip (98 latent frames) with the paper's p = 0.065 and spans
 * of 10 (0.499 by a separate simulation of the same procedure), whole spans, the same count in every clip of a batch,
 * and the same draw for the same seed.
 */
class SpanMaskTest {

    @Test
    void shouldMaskAboutHalfOfTheFramesInSpansWithThePapersSettings() {
        SplittableRandom random = new SplittableRandom(1);
        double drawn = 0;
        double kept = 0;
        int batches = 200;
        for (int b = 0; b < batches; b++) {
            SpanMask mask = SpanMask.draw(16, 98, 0.065, 10, random);
            drawn += mask.drawnFraction();
            kept += mask.fraction();
            for (int c = 0; c < 16; c++) {
                assertThat(mask.masked(c)).hasSize(mask.count()).isSorted().doesNotHaveDuplicates();
            }
        }
        assertThat(drawn / batches).isCloseTo(0.499, within(0.01));
        assertThat(kept / batches).isBetween(0.3, drawn / batches);
    }

    @Test
    void shouldMaskWholeSpansInASingleClip() {
        SpanMask mask = SpanMask.draw(1, 98, 0.065, 10, new SplittableRandom(2));
        int[] frames = mask.masked(0);
        // A single clip keeps every frame it drew: runs of consecutive masked frames are at least one span long.
        int run = 1;
        for (int i = 1; i <= frames.length; i++) {
            if (i < frames.length && frames[i] == frames[i - 1] + 1) {
                run++;
            } else {
                assertThat(run).isGreaterThanOrEqualTo(10);
                run = 1;
            }
        }
        assertThat(mask.fraction()).isEqualTo(mask.drawnFraction());
        float[] indicator = mask.indicator();
        assertThat(indicator).hasSize(98);
        for (int t : frames) {
            assertThat(indicator[t]).isEqualTo(1f);
        }
        double sum = 0;
        for (float v : indicator) {
            sum += v;
        }
        assertThat(sum).isEqualTo(frames.length);
    }

    @Test
    void shouldDrawTheSameMaskForTheSameSeedAndAnotherForAnother() {
        SpanMask a = SpanMask.draw(8, 98, 0.065, 10, Wav2Vec2Method.random(41));
        SpanMask b = SpanMask.draw(8, 98, 0.065, 10, Wav2Vec2Method.random(41));
        SpanMask c = SpanMask.draw(8, 98, 0.065, 10, Wav2Vec2Method.random(42));
        assertThat(a.indices()).containsExactly(b.indices());
        assertThat(Arrays.equals(a.indicator(), c.indicator())).isFalse();
    }

    @Test
    void shouldMaskAtLeastTwoFramesOfAShortClipAndRefuseOneNoLongerThanASpan() {
        SpanMask mask = SpanMask.draw(4, 11, 0.0, 10, new SplittableRandom(3));
        assertThat(mask.count()).isEqualTo(11);
        SpanMask single = SpanMask.draw(4, 30, 0.0, 1, new SplittableRandom(3));
        assertThat(single.count()).isEqualTo(2);
        assertThatThrownBy(() -> SpanMask.draw(4, 10, 0.065, 10, new SplittableRandom(3)))
                .hasMessageContaining("longer than a span");
    }

    @Test
    void shouldDrawDistractorsFromTheOtherMaskedStepsOnly() {
        long[] drawn = Wav2Vec2Method.distractors(3, 4, 50, new SplittableRandom(5));
        assertThat(drawn).hasSize(3 * 4 * 50);
        for (int i = 0; i < drawn.length; i++) {
            int own = (i / 50) % 4;
            assertThat(drawn[i]).isBetween(0L, 3L).isNotEqualTo((long) own);
        }
    }
}
