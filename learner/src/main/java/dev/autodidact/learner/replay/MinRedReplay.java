package dev.autodidact.learner.replay;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Minimum redundancy (Purushwalkam, Morgado and Gupta, "The Challenges of Continuous Self-Supervised Learning",
 * ECCV 2022): every input is kept with its L2-normalised embedding; when the buffer is over its budget, the item most
 * similar to its nearest neighbour (the highest nearest-neighbour cosine similarity) is evicted, again and again until
 * it fits, so the buffer keeps diverse inputs even when the stream repeats itself (temporally correlated frames,
 * bursts from one source).
 *
 * <p>Embeddings follow the encoder as it trains, as in the paper (which updates a sample's features whenever it is
 * used for training): an input is embedded when it is offered, and again each time it is replayed
 * ({@link #offer(List, List)}), in the same inference pass as that step's offered inputs. Without the refresh, items
 * embedded thousands of steps apart would be compared in different feature spaces, and the buffer would evict by what
 * an early encoder could not tell apart. The current embeddings travel with the items in the checkpoint (array
 * {@code feature}).
 *
 * <p>Cost: an offer that overflows the buffer computes all pairwise similarities in one product on the engine
 * ({@code n x d} by {@code d x n}, about 830 x 128 x 830 for a 2 MiB buffer of 32-px images and a batch's offers:
 * milliseconds), then evicts greedily in Java from that matrix, re-finding a nearest neighbour only for the items whose
 * neighbour was just evicted. An earlier version kept neighbours incrementally with one engine call per stale item;
 * with refreshed embeddings, most items went stale every step and it spent 0.1 to 1.2 s per step on bookkeeping.
 */
final class MinRedReplay extends BoundedItems {
    static final String FEATURE = "feature";

    private final NDManager root;
    private final Function<List<Tensor>, float[][]> embed;
    private final List<float[]> features = new ArrayList<>();

    /**
     * @param root the manager under which the similarity products are computed (closed after each)
     * @param embed embeds canonical inputs with the current encoder (inference mode)
     */
    MinRedReplay(long capacityBytes, NDManager root, Function<List<Tensor>, float[][]> embed) {
        super(capacityBytes);
        this.root = root;
        this.embed = embed;
    }

    @Override
    public String policy() {
        return "minred";
    }

    @Override
    public void offer(List<Example> inputs) {
        offer(inputs, List.of());
    }

    @Override
    public void offer(List<Example> inputs, List<Example> replayed) {
        List<Example> accepted = fitting(inputs);
        int[] refreshed = storedIndices(replayed);
        if (accepted.isEmpty() && refreshed.length == 0) {
            return;
        }
        List<Tensor> toEmbed = new ArrayList<>(accepted.size() + refreshed.length);
        accepted.forEach(e -> toEmbed.add(e.array("input")));
        for (int i : refreshed) {
            toEmbed.add(items.get(i).array("input"));
        }
        float[][] z = normalize(embed.apply(toEmbed));
        for (int r = 0; r < refreshed.length; r++) {
            int i = refreshed[r];
            float[] feature = z[accepted.size() + r];
            features.set(i, feature);
            items.set(i, withFeature(items.get(i), feature));
        }
        for (int t = 0; t < accepted.size(); t++) {
            append(withFeature(accepted.get(t), z[t]));
            features.add(z[t]);
        }
        evictUntilWithinBudget();
    }

    /** The distinct indices of the stored items among {@code replayed} (by identity, as {@link #sample} returns them). */
    private int[] storedIndices(List<Example> replayed) {
        if (replayed.isEmpty()) {
            return new int[0];
        }
        Map<Example, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.put(items.get(i), i);
        }
        return replayed.stream()
                .map(index::get)
                .filter(Objects::nonNull)
                .distinct()
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * While over budget, evicts the item most similar to its nearest neighbour. All similarities come from one
     * product on the engine; after an eviction only the items whose nearest neighbour it was look again.
     */
    private void evictUntilWithinBudget() {
        if (bytes <= capacityBytes) {
            return;
        }
        int n = features.size();
        float[] sims = similarityMatrix();
        boolean[] evicted = new boolean[n];
        float[] nearestSimilarity = new float[n];
        int[] nearest = new int[n];
        for (int i = 0; i < n; i++) {
            findNearest(i, sims, n, evicted, nearestSimilarity, nearest);
        }
        long remaining = bytes;
        int alive = n;
        while (remaining > capacityBytes && alive > 0) {
            int worst = -1;
            for (int i = 0; i < n; i++) {
                if (!evicted[i] && (worst < 0 || nearestSimilarity[i] > nearestSimilarity[worst])) {
                    worst = i;
                }
            }
            evicted[worst] = true;
            alive--;
            remaining -= sizeOf(items.get(worst));
            for (int i = 0; i < n; i++) {
                if (!evicted[i] && nearest[i] == worst) {
                    findNearest(i, sims, n, evicted, nearestSimilarity, nearest);
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (evicted[i]) {
                swapRemove(i);
                features.set(i, features.get(features.size() - 1));
                features.remove(features.size() - 1);
            }
        }
    }

    /** Item {@code i}'s most similar item among those not evicted, from row {@code i} of {@code sims}. */
    private static void findNearest(
            int i, float[] sims, int n, boolean[] evicted, float[] nearestSimilarity, int[] nearest) {
        float best = -2;
        int bestIndex = -1;
        int row = i * n;
        for (int j = 0; j < n; j++) {
            if (j != i && !evicted[j] && sims[row + j] > best) {
                best = sims[row + j];
                bestIndex = j;
            }
        }
        nearestSimilarity[i] = best;
        nearest[i] = bestIndex;
    }

    /** The cosine similarities of all stored embeddings, row-major {@code n x n}, from one product on the engine. */
    private float[] similarityMatrix() {
        int n = features.size();
        int d = features.get(0).length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features.get(i), 0, flat, i * d, d);
        }
        try (NDManager tmp = root.newSubManager()) {
            NDArray f = tmp.create(flat, new Shape(n, d));
            return f.matMul(f.transpose()).toFloatArray();
        }
    }

    private static Example withFeature(Example e, float[] feature) {
        Example.Builder b = new Example.Builder();
        e.metadata().forEach(b::meta);
        e.arrays().forEach((name, array) -> {
            if (!name.equals(FEATURE)) {
                b.put(name, array);
            }
        });
        b.put(FEATURE, Tensor.f32(new int[] {feature.length}, feature));
        return b.build();
    }

    private static float[][] normalize(float[][] z) {
        float[][] out = new float[z.length][];
        for (int i = 0; i < z.length; i++) {
            double norm = 0;
            for (float v : z[i]) {
                norm += v * v;
            }
            float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            out[i] = new float[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                out[i][j] = z[i][j] * inv;
            }
        }
        return out;
    }

    @Override
    public void restore(List<Example> restored, long state) {
        items.clear();
        bytes = 0;
        features.clear();
        for (Example e : restored) {
            if (!e.has(FEATURE) || e.array(FEATURE).dtype() != DType.F32) {
                throw new IllegalStateException("A minred replay item lacks its feature array");
            }
            append(e);
            features.add(e.array(FEATURE).floats());
        }
        evictUntilWithinBudget();
    }
}
