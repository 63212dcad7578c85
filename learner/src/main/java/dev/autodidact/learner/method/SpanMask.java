package dev.autodidact.learner.method;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The time mask of wav2vec 2.0 (Baevski et al. 2020, sec. 3.1; fairseq's {@code compute_mask_indices} with the
 * static length and overlapping spans): in each clip of T frames, {@code floor(p T + u)} distinct start frames (u
 * uniform in [0, 1), at least {@link #MIN_SPANS}) are drawn uniformly from the frames where a whole span fits, and the
 * {@code span} frames from each start are masked; spans may overlap. With p = 0.065 and spans of 10 about half of
 * the frames end up masked. As in fairseq's {@code require_same_masks}, every clip of a batch then keeps the same
 * number of masked frames, the smallest of the batch, by unmasking a random subset of the others' extra frames, so that
 * the masked steps of all clips stack into one array. Drawn from the caller's random generator, which the method seeds
 * per step.
 */
public final class SpanMask {
    /** Spans drawn at least per clip, so that every clip has a positive and a distractor. */
    public static final int MIN_SPANS = 2;

    private final int frames;
    private final int[][] masked;
    private final double drawnFraction;

    private SpanMask(int frames, int[][] masked, double drawnFraction) {
        this.frames = frames;
        this.masked = masked;
        this.drawnFraction = drawnFraction;
    }

    /**
     * @param clips clips N of the batch
     * @param frames frames T per clip; more than {@code span}
     * @param startProbability p, the fraction of frames that start a span
     * @param span frames per span
     * @param random the step's generator
     * @throws IllegalArgumentException if a clip is not longer than a span
     */
    public static SpanMask draw(int clips, int frames, double startProbability, int span, SplittableRandom random) {
        if (clips < 1 || span < 1 || frames <= span || !(startProbability >= 0 && startProbability <= 1)) {
            throw new IllegalArgumentException("Cannot mask spans of " + span + " in " + clips + " clips of " + frames
                    + " frames with start probability " + startProbability + " (clips must be longer than a span)");
        }
        int starts = frames - span + 1;
        boolean[][] drawn = new boolean[clips][frames];
        int[] counts = new int[clips];
        long total = 0;
        for (int c = 0; c < clips; c++) {
            int spans = Math.min(
                    starts, Math.max(MIN_SPANS, (int) Math.floor(startProbability * frames + random.nextDouble())));
            for (int start : sample(starts, spans, random)) {
                Arrays.fill(drawn[c], start, start + span, true);
            }
            for (boolean m : drawn[c]) {
                counts[c] += m ? 1 : 0;
            }
            total += counts[c];
        }
        int keep = Arrays.stream(counts).min().orElseThrow();
        int[][] masked = new int[clips][];
        for (int c = 0; c < clips; c++) {
            int[] frameIndices = new int[counts[c]];
            for (int t = 0, i = 0; t < frames; t++) {
                if (drawn[c][t]) {
                    frameIndices[i++] = t;
                }
            }
            int[] kept = sample(counts[c], keep, random);
            for (int i = 0; i < keep; i++) {
                kept[i] = frameIndices[kept[i]];
            }
            Arrays.sort(kept);
            masked[c] = kept;
        }
        return new SpanMask(frames, masked, (double) total / ((long) clips * frames));
    }

    /** {@code count} distinct values of {@code 0 .. range-1} (partial Fisher-Yates), in draw order. */
    private static int[] sample(int range, int count, SplittableRandom random) {
        int[] values = new int[range];
        for (int i = 0; i < range; i++) {
            values[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(range - i);
            int v = values[i];
            values[i] = values[j];
            values[j] = v;
        }
        return Arrays.copyOf(values, count);
    }

    /** Masked frames per clip, the same for every clip. */
    public int count() {
        return masked[0].length;
    }

    /** The masked frames of clip {@code clip}, ascending. */
    public int[] masked(int clip) {
        return masked[clip].clone();
    }

    /** The masked frames of every clip, ascending per clip, flattened clip by clip: N x {@link #count()}. */
    public long[] indices() {
        long[] out = new long[masked.length * count()];
        for (int c = 0; c < masked.length; c++) {
            for (int i = 0; i < count(); i++) {
                out[c * count() + i] = masked[c][i];
            }
        }
        return out;
    }

    /** 1 at the masked frames, 0 elsewhere, flattened clip by clip: N x T. */
    public float[] indicator() {
        float[] out = new float[masked.length * frames];
        for (int c = 0; c < masked.length; c++) {
            for (int t : masked[c]) {
                out[c * frames + t] = 1;
            }
        }
        return out;
    }

    /** The fraction of frames the spans covered before the clips were made equal. */
    public double drawnFraction() {
        return drawnFraction;
    }

    /** The fraction of frames masked. */
    public double fraction() {
        return (double) count() / frames;
    }
}
