package dev.autodidact.learner.replay;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Minimum redundancy (Purushwalkam, Morgado and Gupta, "The Challenges of Continuous Self-Supervised Learning",
 * ECCV 2022): every input is kept with its L2-normalised embedding; when the buffer is over its budget, the item most
 * similar to its nearest neighbour (the highest nearest-neighbour cosine similarity) is evicted, so the buffer keeps
 * diverse inputs even when the stream repeats itself (temporally correlated frames, bursts from one source).
 *
 * <p>Nearest neighbours are kept up to date incrementally: an insertion compares the new embeddings with all stored
 * ones in one matrix product on the engine ({@code k x n x d}); an eviction recomputes only the items whose nearest
 * neighbour it was. Embeddings are those of the encoder when the input was offered; they travel with the item in the
 * checkpoint (array {@code feature}).
 */
final class MinRedReplay extends BoundedItems {
    static final String FEATURE = "feature";

    private final NDManager root;
    private final Function<List<Tensor>, float[][]> embed;
    private final List<float[]> features = new ArrayList<>();
    private final List<Float> nearestSimilarity = new ArrayList<>();
    private final List<Integer> nearest = new ArrayList<>();

    /**
     * @param root the manager whose sub-managers hold the similarity computations
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
        List<Example> accepted = inputs.stream().filter(e -> sizeOf(e) <= capacityBytes).toList();
        if (accepted.isEmpty()) {
            return;
        }
        float[][] z = normalize(embed.apply(accepted.stream().map(e -> e.array("input")).toList()));
        for (int i = 0; i < accepted.size(); i++) {
            insert(withFeature(accepted.get(i), z[i]), z[i]);
        }
        while (bytes > capacityBytes) {
            evict(mostRedundant());
        }
    }

    private static Example withFeature(Example e, float[] feature) {
        Example.Builder b = new Example.Builder();
        e.metadata().forEach(b::meta);
        b.put("input", e.array("input"));
        b.put(FEATURE, Tensor.f32(new int[] {feature.length}, feature));
        return b.build();
    }

    private void insert(Example e, float[] feature) {
        int index = items.size();
        float[] sims = similarities(feature);
        float best = -2;
        int bestIndex = -1;
        for (int j = 0; j < sims.length; j++) {
            if (sims[j] > best) {
                best = sims[j];
                bestIndex = j;
            }
            if (sims[j] > nearestSimilarity.get(j)) {
                nearestSimilarity.set(j, sims[j]);
                nearest.set(j, index);
            }
        }
        append(e);
        features.add(feature);
        nearestSimilarity.add(best);
        nearest.add(bestIndex);
    }

    /** Cosine similarity of {@code feature} with every stored feature, as one product on the engine. */
    private float[] similarities(float[] feature) {
        int n = features.size();
        if (n == 0) {
            return new float[0];
        }
        int d = feature.length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features.get(i), 0, flat, i * d, d);
        }
        try (NDManager scope = root.newSubManager()) {
            NDArray stored = scope.create(flat, new Shape(n, d));
            NDArray query = scope.create(feature, new Shape(d, 1));
            return stored.matMul(query).toFloatArray();
        }
    }

    private int mostRedundant() {
        int worst = 0;
        for (int i = 1; i < nearestSimilarity.size(); i++) {
            if (nearestSimilarity.get(i) > nearestSimilarity.get(worst)) {
                worst = i;
            }
        }
        return worst;
    }

    private void evict(int index) {
        int last = items.size() - 1;
        List<Integer> orphans = new ArrayList<>();
        for (int i = 0; i < nearest.size(); i++) {
            if (i != index && nearest.get(i) == index) {
                orphans.add(i == last ? index : i);
            }
        }
        swapRemove(index);
        features.set(index, features.get(last));
        features.remove(last);
        nearestSimilarity.set(index, nearestSimilarity.get(last));
        nearestSimilarity.remove(last);
        nearest.set(index, nearest.get(last));
        nearest.remove(last);
        for (int i = 0; i < nearest.size(); i++) {
            if (nearest.get(i) == last) {
                nearest.set(i, index);
            }
        }
        orphans.forEach(this::recompute);
    }

    /** Finds the nearest neighbour of item {@code i} again, after its old one was evicted. */
    private void recompute(int i) {
        float[] sims = similarities(features.get(i));
        float best = -2;
        int bestIndex = -1;
        for (int j = 0; j < sims.length; j++) {
            if (j != i && sims[j] > best) {
                best = sims[j];
                bestIndex = j;
            }
        }
        nearestSimilarity.set(i, best);
        nearest.set(i, bestIndex);
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
        nearestSimilarity.clear();
        nearest.clear();
        for (Example e : restored) {
            if (!e.has(FEATURE) || e.array(FEATURE).dtype() != DType.F32) {
                throw new IllegalStateException("A minred replay item lacks its feature array");
            }
            insert(e, e.array(FEATURE).floats());
        }
    }
}
