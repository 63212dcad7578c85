package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.internal.Resampler;
import dev.autodidact.media.image.pretext.JigsawPermutations;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Jigsaw-puzzle examples for the context-free network of Noroozi and Favaro ("Unsupervised Learning of Visual
 * Representations by Solving Jigsaw Puzzles", ECCV 2016): one view of the base augmentation is cut into
 * {@code grid x grid} cells, whose boundaries lie at {@code round(i * size / grid)}, and its tiles are emitted as
 * separate views in the order of permutation {@code t}, drawn uniformly from the fixed set
 * {@link JigsawPermutations#of(int, int) JigsawPermutations.of(grid, permutations)}: {@code view.i} (position
 * {@code i}, row-major) is the tile of source cell {@code p_t[i]}. {@value RecipeArray#TARGET} (i32 {@code [1]}) is
 * {@code t}. The learner runs every tile through one shared encoder and classifies the concatenated features, so the
 * encoder learns from natural image patches; an earlier variant reassembled the tiles into one mosaic with gray gaps,
 * which the encoder then saw instead of natural images, and probed worse than a random encoder.
 *
 * <p>Each tile is a square of side {@code floor(size / grid) - gap} ({@link #cutSize()}), cut at a random offset inside
 * its cell, then resized to {@code tileSize x tileSize} pixels (area averaging when it shrinks, bilinear when it
 * grows, as {@link dev.autodidact.media.image.augment.RandomResizedCrop} resamples), so that a convolutional encoder
 * gets tiles large enough to pool. As in the paper (which cuts 64-pixel tiles at random inside 85-pixel cells), the
 * gap and the jitter keep neighbouring tiles from continuing each other's edges, so the network cannot solve the
 * puzzle by matching low-level edge and texture continuity instead of content.
 *
 * <p>Spec: {@code v1;jigsaw;grid=<g>;permutations=<n>;gap=<px>;tile.size=<px>;} followed by the base augmentation's
 * keys prefixed {@code base.} ({@link ViewRecipes}).
 *
 * @param base the augmentation of the view before it is cut
 * @param grid tiles per side, {@value JigsawPermutations#MIN_GRID} to {@value JigsawPermutations#MAX_GRID}
 * @param permutations the size of the permutation set, 1 to {@link JigsawPermutations#maxCount(int)}
 * @param gap pixels each tile is smaller than the smallest cell, 0 or more; a tile keeps at least one pixel
 * @param tileSize side of every emitted tile view, {@value #MIN_TILE_SIZE} to the view's size: larger tiles would only
 *     magnify a fraction of that view
 */
public record JigsawRecipe(SimClrAugmentation base, int grid, int permutations, int gap, int tileSize)
        implements ViewRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id {@code jigsaw}. */
    public static final String KIND = "jigsaw";
    /** The side of a tile view the stream-app makes unless told otherwise. */
    public static final int DEFAULT_TILE_SIZE = 16;
    /** Smallest tile view: the smallest crop the learner's convolutional encoder takes. */
    public static final int MIN_TILE_SIZE = 8;

    static final String GRID_KEY = "grid";
    static final String PERMUTATIONS_KEY = "permutations";
    static final String GAP_KEY = "gap";
    static final String TILE_SIZE_KEY = "tile.size";

    /** Checks the grid, the permutation count, that a tile keeps at least one pixel, and the tile views' size. */
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
        if (tileSize < MIN_TILE_SIZE || tileSize > base.cropSize()) {
            throw new IllegalArgumentException(
                    "The jigsaw tiles of a " + base.cropSize() + "-pixel view take a size of " + MIN_TILE_SIZE + " to "
                            + base.cropSize() + " pixels, got " + tileSize);
        }
        ViewRecipes.checkSpecLength(spec(base, grid, permutations, gap, tileSize));
    }

    /** @return the side of every tile as cut from the view, {@code floor(size / grid) - gap}, before its resize */
    public int cutSize() {
        return base.cropSize() / grid - gap;
    }

    /** @return {@code grid * grid}, the number of tile views */
    public int tiles() {
        return grid * grid;
    }

    @Override
    public RecipeDraw draw(RgbImage image, RandomGenerator rng) {
        RgbImage view = base.pipeline().apply(image, rng);
        int t = rng.nextInt(permutations);
        int[] order = JigsawPermutations.of(grid, permutations).permutation(t);
        return new RecipeDraw(cut(view, order, rng), List.of(RecipeArray.i32(RecipeArray.TARGET, new int[] {t}, 1)));
    }

    /** @return tile {@code order[i]} of {@code view} for each position {@code i}, each resized to {@link #tileSize} */
    private List<RgbImage> cut(RgbImage view, int[] order, RandomGenerator rng) {
        int size = view.width();
        int[] bounds = new int[grid + 1];
        for (int i = 0; i <= grid; i++) {
            bounds[i] = (2 * i * size + grid) / (2 * grid);
        }
        int cut = cutSize();
        List<RgbImage> tiles = new ArrayList<>(order.length);
        for (int from : order) {
            int x0 = offset(bounds, from % grid, cut, rng);
            int y0 = offset(bounds, from / grid, cut, rng);
            byte[] pixels = Resampler.resample(view.pixels(), size, x0, y0, cut, cut, tileSize, tileSize);
            tiles.add(new RgbImage(tileSize, tileSize, pixels));
        }
        return tiles;
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
        return Collections.nCopies(tiles(), tileSize);
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        return List.of(new RecipeArray.Layout(RecipeArray.TARGET, RecipeArray.ElementType.I32, List.of(1)));
    }

    @Override
    public String spec() {
        return spec(base, grid, permutations, gap, tileSize);
    }

    private static String spec(SimClrAugmentation base, int grid, int permutations, int gap, int tileSize) {
        return PretextSpecs.write(
                KIND,
                base,
                GRID_KEY,
                Integer.toString(grid),
                PERMUTATIONS_KEY,
                Integer.toString(permutations),
                GAP_KEY,
                Integer.toString(gap),
                TILE_SIZE_KEY,
                Integer.toString(tileSize));
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return PretextSpecs.keys(List.of(GRID_KEY, PERMUTATIONS_KEY, GAP_KEY, TILE_SIZE_KEY));
    }

    /** Reads the fields after {@code v1;jigsaw}. */
    static JigsawRecipe read(SpecFields fields) {
        int grid = fields.integer(GRID_KEY, JigsawPermutations.MIN_GRID, JigsawPermutations.MAX_GRID);
        int permutations = fields.integer(PERMUTATIONS_KEY, 1, JigsawPermutations.MAX_COUNT);
        int gap = fields.integer(GAP_KEY, 0, ViewRecipes.MAX_CROP_SIZE);
        int tileSize = fields.integer(TILE_SIZE_KEY, MIN_TILE_SIZE, ViewRecipes.MAX_CROP_SIZE);
        return new JigsawRecipe(PretextSpecs.readBase(fields), grid, permutations, gap, tileSize);
    }
}
