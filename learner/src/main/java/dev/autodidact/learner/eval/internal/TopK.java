package dev.autodidact.learner.eval.internal;

/**
 * Keeps the {@code k} best candidates offered so far in a binary min-heap. A candidate is better than another when its
 * score is larger, or the scores are equal and its id is smaller. An offer costs {@code O(1)} when it does not beat the
 * current k-th best and {@code O(log k)} when it does. Not thread-safe; reusable after {@link #clear()}.
 */
public final class TopK {
    private final float[] scores;
    private final int[] ids;
    private int size;

    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        scores = new float[k];
        ids = new int[k];
    }

    /** Forgets every offer. */
    public void clear() {
        size = 0;
    }

    /** Offers one candidate. */
    public void offer(float score, int id) {
        if (size < scores.length) {
            siftUp(size++, score, id);
        } else if (worse(scores[0], ids[0], score, id)) {
            siftDown(score, id);
        }
    }

    /** How many candidates are held: {@code min(k, offers)}. */
    public int size() {
        return size;
    }

    /** The score in slot {@code i} (slots are in heap order, not sorted). */
    public float score(int i) {
        return scores[i];
    }

    /** The id in slot {@code i}. */
    public int id(int i) {
        return ids[i];
    }

    private static boolean worse(float s1, int id1, float s2, int id2) {
        return s1 < s2 || (s1 == s2 && id1 > id2);
    }

    private void siftUp(int i, float score, int id) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(score, id, scores[parent], ids[parent])) {
                break;
            }
            scores[i] = scores[parent];
            ids[i] = ids[parent];
            i = parent;
        }
        scores[i] = score;
        ids[i] = id;
    }

    private void siftDown(float score, int id) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(scores[child + 1], ids[child + 1], scores[child], ids[child])) {
                child++;
            }
            if (!worse(scores[child], ids[child], score, id)) {
                break;
            }
            scores[i] = scores[child];
            ids[i] = ids[child];
            i = child;
        }
        scores[i] = score;
        ids[i] = id;
    }
}
