package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.pretext.JigsawPermutations;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Jigsaw-puzzle examples (Noroozi and Favaro, "Unsupervised Learning of Visual Representations by Solving Jigsaw
 * Puzzles", ECCV 2016): one view of the base augmentation cut into {@code grid x grid} cells, whose boundaries lie at
 * {@code round(i * size / grid)}, and reassembled in the order of permutation {@code t}, drawn uniformly from the
 * fixed set {@link JigsawPermutations#of(int, int) JigsawPermutations.of(grid, permutations)}: cell {@code j}
 * (row-major) of {@code view.0} shows the tile of source cell {@code p_t[j]}. {@value RecipeArray#TARGET} (i32
 * {@code [1]}) is {@code t}.
 *
 * <p>Each tile is a square of side {@code floor(size / grid) - gap}, cut at a random offset inside its source cell and
 * pasted at a random offset inside its destination cell; the rest of the view is gray 128. As in the paper (which
 * cuts 64-pixel tiles at random inside 85-pixel cells), the gap and the jitter keep tile edges from lining up, so the
 * network cannot solve the puzzle by matching low-level edge and texture continuity instead of content.
 *
 * <p>Spec: {@code v1;jigsaw;grid=<g>;permutations=<n>;gap=<px>;} followed by the base augmentation's keys prefixed
 * {@code base.} ({@link ViewRecipes}).
 *
 * @param base the augmentation of the view before it is cut
 * @param grid tiles per side, {@value JigsawPermutations#MIN_GRID} to {@value JigsawPermutations#MAX_GRID}
 * @param permutations the size of the permutation set, 1 to {@link JigsawPermutations#maxCount(int)}
 * @param gap pixels each tile is smaller than the smallest cell, 0 or more; a tile keeps at least one pixel
 */
public record JigsawRecipe(SimClrAugmentation base, int grid, int permutations, int gap) implements ViewRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id {@code jigsaw}. */
    public static final String KIND = "jigsaw";
    /** Gray level of the pixels no tile covers. */
    public static final int BACKGROUND = 128;

    static final String GRID_KEY = "grid";
    static final String PERMUTATIONS_KEY = "permutations";
    static final String GAP_KEY = "gap";

    /** Checks the grid, the permutation count and that a tile keeps at least one pixel. */
    public JigsawRecipe {
        PretextSpecs.checkBase(KIND, base);
        PretextSpecs.checkRange("The jigsaw grid", grid, JigsawPermutations.MIN_GRID, JigsawPermutations.MAX_GRID);
        PretextSpecs.checkRange(
                "The number of " + grid + "x" + grid + " jigsaw permutations",
                permutations,
                1,
                JigsawPermutations.maxCount(grid));
        if (gap < 0 || base.cropSize() / grid - gap < 1) {
            throw new IllegalArgumentException("A " + grid + "x" + grid + " jigsaw of a " + base.cropSize()
                    + "-pixel view takes a gap of 0 to " + (base.cropSize() / grid - 1) + " pixels, got " + gap);
        }
        ViewRecipes.checkSpecLength(spec(base, grid, permutations, gap));
    }

    /** @return the side of every tile, {@code floor(size / grid) - gap} */
    public int tileSize() {
        return base.cropSize() / grid - gap;
    }

    @Override
    public RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        RgbImage view = base.pipeline().apply(image, rng);
        int t = rng.nextInt(permutations);
        int[] order = JigsawPermutations.of(grid, permutations).permutation(t);
        return new RecipeDraw(
                List.of(shuffle(view, order, rng)), List.of(RecipeArray.i32(RecipeArray.TARGET, new int[] {t}, 1)));
    }

    private RgbImage shuffle(RgbImage view, int[] order, RandomGenerator rng) {
        int size = view.width();
        int[] bounds = new int[grid + 1];
        for (int i = 0; i <= grid; i++) {
            bounds[i] = (2 * i * size + grid) / (2 * grid);
        }
        int tile = tileSize();
        byte[] src = view.pixels();
        byte[] out = new byte[src.length];
        Arrays.fill(out, (byte) BACKGROUND);
        for (int j = 0; j < order.length; j++) {
            int from = order[j];
            int sx = offset(bounds, from % grid, tile, rng);
            int sy = offset(bounds, from / grid, tile, rng);
            int dx = offset(bounds, j % grid, tile, rng);
            int dy = offset(bounds, j / grid, tile, rng);
            for (int row = 0; row < tile; row++) {
                System.arraycopy(src, 3 * ((sy + row) * size + sx), out, 3 * ((dy + row) * size + dx), 3 * tile);
            }
        }
        return new RgbImage(size, size, out);
    }

    /** @return a random start of a tile inside cell {@code cell} */
    private static int offset(int[] bounds, int cell, int tile, RandomGenerator rng) {
        return bounds[cell] + rng.nextInt(bounds[cell + 1] - bounds[cell] - tile + 1);
    }

    @Override
    public List<RgbImage> views(RgbImage image, RandomGenerator rng) {
        return draw(image, rng).views();
    }

    @Override
    public List<Integer> viewSides() {
        return List.of(base.cropSize());
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        return List.of(new RecipeArray.Layout(RecipeArray.TARGET, RecipeArray.ElementType.I32, List.of(1)));
    }

    @Override
    public String spec() {
        return spec(base, grid, permutations, gap);
    }

    private static String spec(SimClrAugmentation base, int grid, int permutations, int gap) {
        return PretextSpecs.write(
                KIND,
                base,
                GRID_KEY,
                Integer.toString(grid),
                PERMUTATIONS_KEY,
                Integer.toString(permutations),
                GAP_KEY,
                Integer.toString(gap));
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return PretextSpecs.keys(List.of(GRID_KEY, PERMUTATIONS_KEY, GAP_KEY));
    }

    /** Reads the fields after {@code v1;jigsaw}. */
    static JigsawRecipe read(SpecFields fields) {
        int grid = fields.integer(GRID_KEY, JigsawPermutations.MIN_GRID, JigsawPermutations.MAX_GRID);
        int permutations = fields.integer(PERMUTATIONS_KEY, 1, JigsawPermutations.MAX_COUNT);
        int gap = fields.integer(GAP_KEY, 0, ViewRecipes.MAX_CROP_SIZE);
        return new JigsawRecipe(PretextSpecs.readBase(fields), grid, permutations, gap);
    }
}
