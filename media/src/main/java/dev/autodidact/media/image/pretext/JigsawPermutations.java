package dev.autodidact.media.image.pretext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed set of tile permutations a jigsaw puzzle is drawn from, chosen to be far apart in Hamming distance so
 * that the classes are easy to tell apart and the network has to learn the tiles' content (Noroozi and Favaro,
 * "Unsupervised Learning of Visual Representations by Solving Jigsaw Puzzles", ECCV 2016, section 3.2 and algorithm
 * 1). The stream-app labels each puzzle with an index into this set and the learner's classifier has one output per
 * permutation, so both must build the same set: it depends only on {@code grid} and {@code count}, is drawn from a
 * fixed internal seed, and is cached per {@code (grid, count)}.
 *
 * <p>Selection is greedy, as in the paper: start from one permutation, then repeatedly add the candidate farthest
 * from those chosen. The paper's algorithm 1 ranks candidates by their summed distance to the chosen set; here the
 * smallest distance ranks first and the summed distance breaks ties (then the candidate's index), which keeps the
 * minimum pairwise distance of the set large as well. The candidates are every permutation of the tiles for grids of
 * at most 3 x 3 (9! = 362,880), and {@value #POOL_SIZE} distinct random ones for larger grids, whose permutations
 * cannot be enumerated.
 */
public final class JigsawPermutations {
    /** Smallest grid: 2 x 2 tiles. */
    public static final int MIN_GRID = 2;
    /** Largest grid: 8 x 8 tiles. */
    public static final int MAX_GRID = 8;
    /** Most permutations in a set. */
    public static final int MAX_COUNT = 1000;
    /** Random candidates drawn for grids whose permutations are too many to enumerate. */
    static final int POOL_SIZE = 10_000;

    private static final int MAX_ENUMERATED_GRID = 3;
    private static final long SEED = 0x6A1C5A4D2016L;
    private static final int NIBBLE = 4;
    /** The lowest bit of every 4-bit lane of a long. */
    private static final long NIBBLE_LOW_BITS = 0x1111111111111111L;
    /** The lowest bit of every byte of a long. */
    private static final long BYTE_LOW_BITS = 0x0101010101010101L;

    private static final Map<Long, JigsawPermutations> CACHE = new ConcurrentHashMap<>();

    private final int grid;
    private final byte[][] permutations;

    private JigsawPermutations(int grid, byte[][] permutations) {
        this.grid = grid;
        this.permutations = permutations;
    }

    /**
     * @param grid tiles per side, {@value #MIN_GRID} to {@value #MAX_GRID}
     * @return how many permutations a set for {@code grid} can hold: {@code (grid^2)!}, at most {@value #MAX_COUNT}
     */
    public static int maxCount(int grid) {
        checkGrid(grid);
        long factorial = 1;
        for (int i = 2; i <= grid * grid && factorial <= MAX_COUNT; i++) {
            factorial *= i;
        }
        return (int) Math.min(factorial, MAX_COUNT);
    }

    /**
     * @param grid tiles per side, {@value #MIN_GRID} to {@value #MAX_GRID}
     * @param count permutations in the set, 1 to {@link #maxCount(int)}
     * @return the set, the same for the same arguments in every JVM
     * @throws IllegalArgumentException if {@code grid} or {@code count} is out of range
     */
    public static JigsawPermutations of(int grid, int count) {
        int max = maxCount(grid);
        if (count < 1 || count > max) {
            throw new IllegalArgumentException(
                    "A " + grid + "x" + grid + " jigsaw takes 1 to " + max + " permutations, got " + count);
        }
        return CACHE.computeIfAbsent(
                (long) grid << 32 | count, key -> new JigsawPermutations(grid, select(grid, count)));
    }

    private static void checkGrid(int grid) {
        if (grid < MIN_GRID || grid > MAX_GRID) {
            throw new IllegalArgumentException(
                    "A jigsaw grid has " + MIN_GRID + " to " + MAX_GRID + " tiles per side, got " + grid);
        }
    }

    /** @return tiles per side */
    public int grid() {
        return grid;
    }

    /** @return the number of permutations, the jigsaw classifier's number of classes */
    public int count() {
        return permutations.length;
    }

    /**
     * @param index which permutation, {@code 0 <= index < count()}
     * @return a new array of {@code grid^2} tile indices: position {@code j} (row-major) holds source tile
     *     {@code p[j]}
     */
    public int[] permutation(int index) {
        byte[] p = permutations[index];
        int[] out = new int[p.length];
        for (int j = 0; j < p.length; j++) {
            out[j] = p[j];
        }
        return out;
    }

    /**
     * @param a a permutation
     * @param b another of the same length
     * @return the number of positions where they differ
     */
    public static int hamming(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] != b[i] ? 1 : 0;
        }
        return d;
    }

    /** The greedy selection itself, uncached; package-private so a test can run it twice. */
    static byte[][] select(int grid, int count) {
        SplittableRandom rng = new SplittableRandom(SEED + grid);
        byte[][] candidates =
                grid <= MAX_ENUMERATED_GRID ? allPermutations(grid * grid) : randomPermutations(grid * grid, rng);
        int n = candidates.length;
        int tiles = candidates[0].length;
        int laneBits = tiles <= Long.SIZE / NIBBLE ? NIBBLE : Byte.SIZE;
        int lanes = Long.SIZE / laneBits;
        int words = (tiles + lanes - 1) / lanes;
        long[] packed = pack(candidates, words, laneBits);
        long lowBits = laneBits == NIBBLE ? NIBBLE_LOW_BITS : BYTE_LOW_BITS;
        int[] minDistance = new int[n];
        long[] sumDistance = new long[n];
        Arrays.fill(minDistance, Integer.MAX_VALUE);
        byte[][] chosen = new byte[count][];
        int next = rng.nextInt(n);
        for (int c = 0; c < count; c++) {
            chosen[c] = candidates[next];
            int picked = next * words;
            int best = -1;
            for (int k = 0; k < n; k++) {
                if (minDistance[k] == 0) {
                    continue; // chosen already
                }
                int d = 0;
                for (int w = 0; w < words; w++) {
                    long x = packed[picked + w] ^ packed[k * words + w];
                    if (laneBits == Byte.SIZE) {
                        x |= x >>> NIBBLE;
                    }
                    x |= x >>> 2;
                    x |= x >>> 1;
                    d += Long.bitCount(x & lowBits);
                }
                minDistance[k] = Math.min(minDistance[k], d);
                sumDistance[k] += d;
                if (minDistance[k] > 0
                        && (best < 0
                                || minDistance[k] > minDistance[best]
                                || minDistance[k] == minDistance[best] && sumDistance[k] > sumDistance[best])) {
                    best = k;
                }
            }
            next = best;
        }
        return chosen;
    }

    /**
     * Packs each permutation one tile a lane of {@code laneBits} (4 bits up to 16 tiles, else 8) into {@code words}
     * longs, so that the Hamming distance is a few shifts, ORs and bit counts: with 9! candidates the distance updates
     * are the whole cost of a selection.
     */
    private static long[] pack(byte[][] candidates, int words, int laneBits) {
        int lanes = Long.SIZE / laneBits;
        long[] packed = new long[candidates.length * words];
        for (int i = 0; i < candidates.length; i++) {
            for (int j = 0; j < candidates[i].length; j++) {
                packed[i * words + j / lanes] |= (long) candidates[i][j] << (laneBits * (j % lanes));
            }
        }
        return packed;
    }

    /** Every permutation of {@code 0..n-1}, in lexicographic order. */
    private static byte[][] allPermutations(int n) {
        List<byte[]> out = new ArrayList<>();
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) i;
        }
        do {
            out.add(p.clone());
        } while (nextPermutation(p));
        return out.toArray(new byte[0][]);
    }

    private static boolean nextPermutation(byte[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        swap(p, i, j);
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
            swap(p, a, b);
        }
        return true;
    }

    private static void swap(byte[] p, int i, int j) {
        byte t = p[i];
        p[i] = p[j];
        p[j] = t;
    }

    private static byte[][] randomPermutations(int n, SplittableRandom rng) {
        Set<String> seen = new HashSet<>();
        List<byte[]> out = new ArrayList<>(POOL_SIZE);
        while (out.size() < POOL_SIZE) {
            byte[] p = new byte[n];
            for (int i = 0; i < n; i++) {
                p[i] = (byte) i;
            }
            for (int i = n - 1; i > 0; i--) {
                swap(p, i, rng.nextInt(i + 1));
            }
            if (seen.add(new String(p, StandardCharsets.ISO_8859_1))) {
                out.add(p);
            }
        }
        return out.toArray(new byte[0][]);
    }
}
