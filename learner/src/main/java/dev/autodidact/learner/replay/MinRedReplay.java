package dev.autodidact.learner.replay;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Minimum redundancy (Purushwalkam, Morgado and Gupta, "The Challenges of Continuous Self-Supervised Learning",
 * ECCV 2022): every input is kept with its L2-normalised embedding; when the buffer is over its budget, the item most
 * similar to its nearest neighbour (the highest nearest-neighbour cosine similarity) is evicted, so the buffer keeps
 * diverse inputs even when the stream repeats itself (temporally correlated frames, bursts from one source).
 *
 * <p>Nearest neighbours are kept up to date incrementally: an insertion compares the new embeddings with all stored
 * ones in one matrix product on the engine ({@code k x n x d}); an eviction recomputes only the items whose nearest
 * neighbour it was, lazily. The embeddings live in one matrix on the engine, updated row by row.
 *
 * <p>Embeddings follow the encoder as it trains, as in the paper (which updates a sample's features whenever it is
 * used for training): an input is embedded when it is offered, and again each time it is replayed
 * ({@link #offer(List, List)}), in the same inference pass as that step's offered inputs. A refreshed item's nearest
 * neighbour is recomputed from one product with every stored embedding, and so are the neighbours of the items whose
 * nearest it was or now is. Without the refresh, items embedded thousands of steps apart would be compared in
 * different feature spaces, and the buffer would evict by what an early encoder could not tell apart. The current
 * embeddings travel with the items in the checkpoint (array {@code feature}).
 */
final class MinRedReplay extends BoundedItems {
    static final String FEATURE = "feature";
    /** Items restored from a checkpoint per pair of products on the engine. */
    private static final int RESTORE_CHUNK = 256;

    private final NDManager root;
    private final Function<List<Tensor>, float[][]> embed;
    private final List<float[]> features = new ArrayList<>();
    private final List<Float> nearestSimilarity = new ArrayList<>();
    private final List<Integer> nearest = new ArrayList<>();
    private final List<Boolean> stale = new ArrayList<>();
    private NDManager scope;
    private NDArray matrix;

    /**
     * @param root the manager under which the embeddings matrix and the similarity products live
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
        if (refreshed.length > 0) {
            refresh(refreshed, Arrays.copyOfRange(z, accepted.size(), z.length));
        }
        if (accepted.isEmpty()) {
            return;
        }
        List<Example> fresh = new ArrayList<>(accepted.size());
        for (int t = 0; t < accepted.size(); t++) {
            fresh.add(withFeature(accepted.get(t), z[t]));
        }
        insertAll(fresh, Arrays.copyOf(z, accepted.size()));
        while (bytes > capacityBytes) {
            evict(mostRedundant());
        }
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
     * Replaces the embeddings of items {@code indices} with {@code z} (normalised) and mends the nearest-neighbour
     * bookkeeping: one product of the refreshed embeddings with all stored ones on the engine gives each refreshed
     * item its nearest neighbour; another item takes a refreshed one as its nearest when it is now closer than its
     * own, and is marked stale (looked at again lazily) when its nearest moved away.
     */
    private void refresh(int[] indices, float[][] z) {
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            features.set(i, z[r]);
            items.set(i, withFeature(items.get(i), z[r]));
            setRow(i, z[r]);
        }
        int n = features.size();
        float[] products;
        try (NDManager tmp = root.newSubManager()) {
            NDArray refreshed = tmp.create(flatten(z), new Shape(z.length, z[0].length));
            products = refreshed
                    .matMul(matrix.get(new NDIndex("0:{}", n)).transpose())
                    .toFloatArray();
        }
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            float best = -2;
            int bestIndex = -1;
            for (int j = 0; j < n; j++) {
                if (j != i && products[r * n + j] > best) {
                    best = products[r * n + j];
                    bestIndex = j;
                }
            }
            nearestSimilarity.set(i, best);
            nearest.set(i, bestIndex);
            stale.set(i, false);
        }
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            for (int j = 0; j < n; j++) {
                float s = products[r * n + j];
                if (j == i) {
                    continue;
                }
                if (s > nearestSimilarity.get(j)) {
                    nearestSimilarity.set(j, s);
                    nearest.set(j, i);
                    stale.set(j, false);
                } else if (nearest.get(j) == i && s < nearestSimilarity.get(j)) {
                    stale.set(j, true);
                }
            }
        }
    }

    private static float[] flatten(float[][] z) {
        float[] flat = new float[z.length * z[0].length];
        for (int t = 0; t < z.length; t++) {
            System.arraycopy(z[t], 0, flat, t * z[t].length, z[t].length);
        }
        return flat;
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

    /**
     * Inserts {@code items} with their normalised embeddings {@code z}: their similarities with the stored items and
     * with each other come from two products on the engine, not one per item.
     */
    private void insertAll(List<Example> items, float[][] z) {
        int n = features.size();
        int k = z.length;
        float[] storedVsNew;
        float[] newVsNew;
        try (NDManager tmp = root.newSubManager()) {
            NDArray queries = tmp.create(flatten(z), new Shape(k, z[0].length));
            newVsNew = queries.matMul(queries.transpose()).toFloatArray();
            storedVsNew = n == 0
                    ? new float[0]
                    : matrix.get(new NDIndex("0:{}", n))
                            .matMul(queries.transpose())
                            .toFloatArray();
        }
        for (int t = 0; t < k; t++) {
            float[] sims = new float[n + t];
            for (int j = 0; j < n; j++) {
                sims[j] = storedVsNew[j * k + t];
            }
            for (int u = 0; u < t; u++) {
                sims[n + u] = newVsNew[u * k + t];
            }
            insert(items.get(t), z[t], sims);
        }
    }

    /** Inserts {@code e} given its similarities {@code sims} with every stored item, in index order. */
    private void insert(Example e, float[] feature, float[] sims) {
        int index = items.size();
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
                stale.set(j, false);
            }
        }
        append(e);
        features.add(feature);
        nearestSimilarity.add(best);
        nearest.add(bestIndex);
        stale.add(false);
        setRow(index, feature);
    }

    /** Row {@code index} of the embeddings matrix kept on the engine, grown by doubling when needed. */
    private void setRow(int index, float[] feature) {
        int d = feature.length;
        if (matrix == null
                || matrix.getShape().get(0) <= index
                || matrix.getShape().get(1) != d) {
            NDManager grown = root.newSubManager();
            int rows = Math.max(64, 2 * (index + 1));
            NDArray bigger = grown.zeros(new Shape(rows, d));
            if (matrix != null && matrix.getShape().get(1) == d) {
                bigger.set(new NDIndex("0:{}", matrix.getShape().get(0)), matrix);
            }
            if (scope != null) {
                scope.close();
            }
            scope = grown;
            matrix = bigger;
        }
        try (NDManager tmp = root.newSubManager()) {
            matrix.set(new NDIndex("{}", index), tmp.create(feature));
        }
    }

    /** Cosine similarity of {@code feature} with the first {@code items.size()} stored embeddings, on the engine. */
    private float[] similarities(float[] feature) {
        int n = features.size();
        if (n == 0) {
            return new float[0];
        }
        try (NDManager tmp = root.newSubManager()) {
            NDArray query = tmp.create(feature, new Shape(feature.length, 1));
            NDArray stored = matrix.get(new NDIndex("0:{}", n));
            NDArray sims = stored.matMul(query);
            float[] out = sims.toFloatArray();
            stored.close();
            sims.close();
            return out;
        }
    }

    /**
     * The item most similar to its nearest neighbour. An item whose neighbour was evicted is stale (its similarity
     * can only have fallen): it is looked at again only when it comes out on top, as in a lazy priority queue.
     */
    private int mostRedundant() {
        while (true) {
            int worst = 0;
            for (int i = 1; i < nearestSimilarity.size(); i++) {
                if (nearestSimilarity.get(i) > nearestSimilarity.get(worst)) {
                    worst = i;
                }
            }
            if (!stale.get(worst)) {
                return worst;
            }
            recompute(worst);
        }
    }

    private void evict(int index) {
        int last = items.size() - 1;
        for (int i = 0; i < nearest.size(); i++) {
            if (i != index && nearest.get(i) == index) {
                stale.set(i, true);
            }
        }
        swapRemove(index);
        features.set(index, features.get(last));
        features.remove(last);
        nearestSimilarity.set(index, nearestSimilarity.get(last));
        nearestSimilarity.remove(last);
        nearest.set(index, nearest.get(last));
        nearest.remove(last);
        stale.set(index, stale.get(last));
        stale.remove(last);
        if (index != last) {
            setRow(index, features.get(index));
        }
        for (int i = 0; i < nearest.size(); i++) {
            if (nearest.get(i) == last) {
                nearest.set(i, index);
            } else if (nearest.get(i) == index && stale.get(i)) {
                nearest.set(i, -1);
            }
        }
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
        stale.set(i, false);
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
        stale.clear();
        for (int from = 0; from < restored.size(); from += RESTORE_CHUNK) {
            List<Example> chunk = restored.subList(from, Math.min(restored.size(), from + RESTORE_CHUNK));
            float[][] z = new float[chunk.size()][];
            for (int t = 0; t < z.length; t++) {
                Example e = chunk.get(t);
                if (!e.has(FEATURE) || e.array(FEATURE).dtype() != DType.F32) {
                    throw new IllegalStateException("A minred replay item lacks its feature array");
                }
                z[t] = e.array(FEATURE).floats();
            }
            insertAll(chunk, z);
        }
    }
}
