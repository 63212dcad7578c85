package dev.autodidact.learner.eval.internal;

import java.util.stream.IntStream;

/**
 * Exact maximum-inner-product search: for every query row, the {@code k} reference rows with the largest dot product.
 * On L2-normalised rows that is the cosine top-k.
 *
 * <p>Rows are packed row-major into flat arrays. The work is tiled so that a tile of reference rows stays in cache
 * while a chunk of queries is scored against it, four queries at a time (one load of a reference value feeds four
 * independent accumulators); each query keeps a bounded {@link TopK} heap, so nothing is sorted. Query chunks run in
 * parallel on the common fork-join pool; the result does not depend on the scheduling.
 */
public final class NeighborSearch {
    private static final int QUERY_CHUNK = 32;
    private static final int REFERENCE_TILE = 512;

    private NeighborSearch() {}

    /**
     * The neighbours of every query.
     *
     * @param reference {@code n * d} floats, row-major
     * @param queries {@code m * d} floats, row-major
     * @param d row length
     * @param k neighbours per query; capped at {@code n}
     * @return one heap per query, holding {@code min(k, n)} neighbours
     */
    public static TopK[] search(float[] reference, float[] queries, int d, int k) {
        int n = reference.length / d;
        int m = queries.length / d;
        int keep = Math.min(k, n);
        TopK[] heaps = new TopK[m];
        int chunks = (m + QUERY_CHUNK - 1) / QUERY_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * QUERY_CHUNK;
            int to = Math.min(m, from + QUERY_CHUNK);
            for (int q = from; q < to; q++) {
                heaps[q] = new TopK(keep);
            }
            searchChunk(reference, n, queries, from, to, d, heaps);
        });
        return heaps;
    }

    private static void searchChunk(float[] ref, int n, float[] qs, int from, int to, int d, TopK[] heaps) {
        for (int tile = 0; tile < n; tile += REFERENCE_TILE) {
            int tileEnd = Math.min(n, tile + REFERENCE_TILE);
            int q = from;
            for (; q + 4 <= to; q += 4) {
                scoreFour(ref, tile, tileEnd, qs, q, d, heaps);
            }
            for (; q < to; q++) {
                scoreOne(ref, tile, tileEnd, qs, q, d, heaps[q]);
            }
        }
    }

    private static void scoreFour(float[] ref, int tile, int tileEnd, float[] qs, int q, int d, TopK[] heaps) {
        int o0 = q * d;
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        TopK h0 = heaps[q];
        TopK h1 = heaps[q + 1];
        TopK h2 = heaps[q + 2];
        TopK h3 = heaps[q + 3];
        for (int j = tile; j < tileEnd; j++) {
            int r = j * d;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            for (int c = 0; c < d; c++) {
                float v = ref[r + c];
                s0 += qs[o0 + c] * v;
                s1 += qs[o1 + c] * v;
                s2 += qs[o2 + c] * v;
                s3 += qs[o3 + c] * v;
            }
            h0.offer(s0, j);
            h1.offer(s1, j);
            h2.offer(s2, j);
            h3.offer(s3, j);
        }
    }

    private static void scoreOne(float[] ref, int tile, int tileEnd, float[] qs, int q, int d, TopK heap) {
        int o = q * d;
        for (int j = tile; j < tileEnd; j++) {
            int r = j * d;
            float s = 0;
            for (int c = 0; c < d; c++) {
                s += qs[o + c] * ref[r + c];
            }
            heap.offer(s, j);
        }
    }
}
