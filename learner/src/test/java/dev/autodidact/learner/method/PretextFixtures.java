package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;

/**
 * Rotation and jigsaw examples made by hand, as the stream-app's recipes make them (the contract in
 * {@link ExampleRecipe}), at the 16-px size of {@link MethodFixtures#SPEC}: images with a brightness ramp under noise,
 * so that up, down, left and right differ, and a tiny method of each kind.
 */
final class PretextFixtures {
    /** Tiles per side of the test jigsaw: 2x2 tiles of 8 px, so {@link #TILES}! = 24 possible permutations. */
    static final int GRID = 2;

    static final int TILES = GRID * GRID;

    private PretextFixtures() {}

    static RotNetMethod rotNet(NDManager manager) {
        return new RotNetMethod(manager, SPEC, new RotNetMethod.Settings(32, 0f));
    }

    static JigsawMethod jigsaw(NDManager manager, int permutations) {
        return new JigsawMethod(manager, SPEC, new JigsawMethod.Settings(GRID, permutations, 32, 0f));
    }

    /** {@code n} rotation examples: four perturbed copies of one image, rotated by a random permutation of 0..3. */
    static ExampleBatch rotationBatch(int n, long seed) {
        Random r = new Random(seed);
        int size = SPEC.inputSize();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] base = rampImage(r, size);
            List<Integer> turns = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(turns, r);
            Example.Builder b = Example.builder(Modality.IMAGE)
                    .meta(Example.RECIPE, ExampleRecipe.ROTATION.id())
                    .put(ArrayNames.INPUT, image(size, base));
            for (int v = 0; v < 4; v++) {
                b.put(ArrayNames.view(v), image(size, rotate(perturbed(base, r), size, turns.get(v))));
            }
            int[] target = turns.stream().mapToInt(Integer::intValue).toArray();
            examples.add(
                    b.put(ArrayNames.TARGET, Tensor.i32(new int[] {4}, target)).build());
        }
        return batch(examples);
    }

    /**
     * {@code n} jigsaw examples: an image with a vertical and a horizontal ramp cut into {@link #GRID}x{@link #GRID}
     * tiles of 8 px, {@code view.p} the tile of cell {@code p_t[p]} for permutation {@code t} of
     * {@link #permutations}({@code count}), with {@code t} as target.
     */
    static ExampleBatch jigsawBatch(int n, int count, long seed) {
        Random r = new Random(seed);
        int size = SPEC.inputSize();
        List<int[]> set = permutations(count);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] base = gradientImage(r, size);
            int t = r.nextInt(count);
            Example.Builder b = Example.builder(Modality.IMAGE)
                    .meta(Example.RECIPE, ExampleRecipe.JIGSAW.id())
                    .put(ArrayNames.INPUT, image(size, base));
            int[] order = set.get(t);
            for (int p = 0; p < TILES; p++) {
                b.put(ArrayNames.view(p), image(size / GRID, tile(base, size, order[p])));
            }
            examples.add(b.put(ArrayNames.TARGET, Tensor.i32(new int[] {1}, new int[] {t}))
                    .build());
        }
        return batch(examples);
    }

    /**
     * {@code count} distinct permutations of the {@link #TILES} tiles, in a fixed order; permutation {@code t} with
     * {@code t >= 24} repeats {@code t mod 24} (only the head's width matters for more).
     */
    static List<int[]> permutations(int count) {
        List<int[]> all = new ArrayList<>();
        permute(new int[0], all);
        Collections.shuffle(all, new Random(1));
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            out.add(all.get(t % all.size()));
        }
        return out;
    }

    private static void permute(int[] prefix, List<int[]> out) {
        if (prefix.length == TILES) {
            out.add(prefix);
            return;
        }
        for (int tile = 0; tile < TILES; tile++) {
            final int candidate = tile;
            if (Arrays.stream(prefix).noneMatch(p -> p == candidate)) {
                int[] next = Arrays.copyOf(prefix, prefix.length + 1);
                next[prefix.length] = tile;
                permute(next, out);
            }
        }
    }

    /** Classification accuracy of {@code method} on {@code batch}, in inference mode (running batch-norm stats). */
    static double accuracy(NDManager root, PretextClassifierMethod method, ExampleBatch batch) {
        try (NDManager scope = root.newSubManager()) {
            NDList inputs = new Collator(SPEC).collate(scope, batch.examples(), method.inputs());
            NDArray logits = method.logits(new ParameterStore(scope, false), inputs, false);
            NDArray labels = method.labels(inputs).toType(DataType.INT64, false);
            NDArray hits = logits.argMax(1).eq(labels);
            return hits.sum().getLong() / (double) labels.size();
        }
    }

    static ExampleBatch batch(List<Example> examples) {
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) examples.size()));
    }

    private static Tensor image(int size, byte[] pixels) {
        return ImageArrays.of(new CleanImage(size, size, pixels));
    }

    /** Brightness rising from top to bottom, a random tint per image, and noise. */
    private static byte[] rampImage(Random r, int size) {
        byte[] out = new byte[size * size * 3];
        int[] tint = {r.nextInt(60), r.nextInt(60), r.nextInt(60)};
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    int v = 20 + tint[c] + 150 * y / (size - 1) + r.nextInt(41) - 20;
                    out[(y * size + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }

    /** Red rising from top to bottom, green from left to right, a random blue tint, and noise: each cell differs. */
    private static byte[] gradientImage(Random r, int size) {
        byte[] out = new byte[size * size * 3];
        int blue = r.nextInt(200);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int[] rgb = {30 + 180 * y / (size - 1), 30 + 180 * x / (size - 1), blue};
                for (int c = 0; c < 3; c++) {
                    int v = rgb[c] + r.nextInt(41) - 20;
                    out[(y * size + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }

    /** One byte in 7 replaced by noise: a view that differs from its siblings, as independent crops do. */
    private static byte[] perturbed(byte[] base, Random r) {
        byte[] out = base.clone();
        for (int j = r.nextInt(7); j < out.length; j += 7) {
            out[j] = (byte) r.nextInt();
        }
        return out;
    }

    /** {@code turns} quarter turns counter-clockwise (numpy's rot90): out[y][x] = in[x][size-1-y] per turn. */
    static byte[] rotate(byte[] image, int size, int turns) {
        byte[] out = image;
        for (int t = 0; t < turns; t++) {
            byte[] in = out;
            out = new byte[in.length];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    System.arraycopy(in, (x * size + size - 1 - y) * 3, out, (y * size + x) * 3, 3);
                }
            }
        }
        return out;
    }

    /** Cell {@code cell} (row-major) of the {@link #GRID}x{@link #GRID} grid of {@code image}. */
    private static byte[] tile(byte[] image, int size, int cell) {
        int side = size / GRID;
        byte[] out = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            int srcRow = (cell / GRID) * side + y;
            System.arraycopy(image, (srcRow * size + (cell % GRID) * side) * 3, out, y * side * 3, side * 3);
        }
        return out;
    }
}
