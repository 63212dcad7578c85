package dev.autodidact.media.image.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.pretext.JigsawPermutations;
import dev.autodidact.media.image.pretext.Rotations;
import dev.autodidact.media.testing.TestImages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What each pretext recipe draws, checked on the image itself: the base augmentation here is the identity (a full
 * crop at the image's own size, no flip), so every view and array can be compared with the source pixel by pixel.
 */
class PretextTasksTest {
    private static final int SIZE = 32;

    private final RgbImage image = TestImages.noise(SIZE, SIZE, 21);

    static SimClrAugmentation identity(int size) {
        return new SimClrAugmentation(size, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.1, 2.0, 0.1);
    }

    @Test
    void shouldUseAnIdentityBaseInTheseTests() {
        assertThat(identity(SIZE).pipeline().apply(image, new SplittableRandom(1)))
                .isEqualTo(image);
    }

    @Test
    void shouldMaskThreeQuartersOfThePatchesAndListTheVisibleOnesFirst() {
        MaskedPatchesRecipe recipe = new MaskedPatchesRecipe(identity(SIZE), 4, 0.75);
        Set<Integer> everMasked = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            RecipeDraw draw = recipe.draw(image, new SplittableRandom(seed));
            byte[] mask = draw.array("mask").orElseThrow().bytes();
            int[] index = draw.array("mask.index").orElseThrow().ints();

            assertThat(draw.views()).containsExactly(image);
            assertThat(recipe.visiblePatches()).isEqualTo(16);
            assertThat(IntStream.range(0, 64).map(i -> mask[i]).sum()).isEqualTo(48);
            assertThat(index.clone())
                    .containsExactlyInAnyOrder(IntStream.range(0, 64).toArray());
            int[] visible = IntStream.range(0, 16).map(i -> index[i]).toArray();
            int[] masked = IntStream.range(16, 64).map(i -> index[i]).toArray();
            assertThat(visible).isSorted();
            assertThat(masked).isSorted();
            assertThat(IntStream.of(visible).map(p -> mask[p])).containsOnly(0);
            assertThat(IntStream.of(masked).map(p -> mask[p])).containsOnly(1);
            IntStream.of(masked).forEach(everMasked::add);
        }
        assertThat(everMasked).as("every patch gets masked some time").hasSize(64);
    }

    @Test
    void shouldKeepAtLeastOnePatchVisible() {
        MaskedPatchesRecipe recipe = new MaskedPatchesRecipe(identity(8), 8, 0.9);

        assertThat(recipe.patches()).isEqualTo(1);
        assertThat(recipe.visiblePatches()).isEqualTo(1);
        assertThat(new MaskedPatchesRecipe(identity(SIZE), 8, 0.5).visiblePatches())
                .isEqualTo(8);
    }

    @Test
    void shouldRotateEachViewByTheQuarterTurnsItsTargetNames() {
        RotationRecipe recipe = new RotationRecipe(identity(SIZE));
        Set<List<Integer>> orders = new HashSet<>();
        for (int seed = 0; seed < 12; seed++) {
            RecipeDraw draw = recipe.draw(image, new SplittableRandom(seed));
            int[] turns = draw.array("target").orElseThrow().ints();

            assertThat(turns.clone()).containsExactlyInAnyOrder(0, 1, 2, 3);
            for (int i = 0; i < 4; i++) {
                assertThat(draw.views().get(i)).as("view %d", i).isEqualTo(Rotations.rotate(image, turns[i]));
            }
            orders.add(IntStream.of(turns).boxed().toList());
        }
        assertThat(orders).as("the order of the turns is random").hasSizeGreaterThan(3);
    }

    @Test
    void shouldEmitTheTilesAsViewsInTheOrderOfTheTargetPermutation() {
        // 30 pixels in a 3x3 grid: cells of exactly 10, and with no gap and 10-pixel tile views, each view is its cell.
        RgbImage square = TestImages.noise(30, 30, 4);
        JigsawRecipe recipe = new JigsawRecipe(identity(30), 3, 100, 0, 10);
        Set<Integer> targets = new HashSet<>();
        for (int seed = 0; seed < 5; seed++) {
            RecipeDraw draw = recipe.draw(square, new SplittableRandom(seed));
            int t = draw.array("target").orElseThrow().ints()[0];
            int[] order = JigsawPermutations.of(3, 100).permutation(t);

            assertThat(draw.views()).hasSize(9);
            for (int i = 0; i < 9; i++) {
                RgbImage tile = draw.views().get(i);
                assertThat(tile.width()).isEqualTo(10);
                assertThat(tile.height()).isEqualTo(10);
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 10; x++) {
                        int sx = order[i] % 3 * 10 + x;
                        int sy = order[i] / 3 * 10 + y;
                        assertThat(tile.rgb(x, y)).as("view.%d", i).isEqualTo(square.rgb(sx, sy));
                    }
                }
            }
            targets.add(t);
        }
        assertThat(targets).as("the permutation is drawn at random").hasSizeGreaterThan(1);
    }

    @Test
    void shouldCutSmallerTilesAtRandomOffsetsInsideTheirCells() {
        JigsawRecipe recipe = new JigsawRecipe(identity(SIZE), 3, 100, 2, 8);
        int[] bounds = {0, 11, 21, 32};
        Set<Integer> tileStarts = new HashSet<>();
        for (int seed = 0; seed < 10; seed++) {
            RecipeDraw draw = recipe.draw(image, new SplittableRandom(seed));
            int[] order = JigsawPermutations.of(3, 100)
                    .permutation(draw.array("target").orElseThrow().ints()[0]);

            assertThat(recipe.cutSize()).isEqualTo(8);
            for (int i = 0; i < 9; i++) {
                RgbImage tile = draw.views().get(i);
                assertThat(tile.width()).isEqualTo(8);
                int start = startIn(tile, image, bounds, order[i]);
                assertThat(start)
                        .as("view.%d is a tile of source cell %d", i, order[i])
                        .isNotNegative();
                tileStarts.add(start);
            }
        }
        assertThat(tileStarts).as("tile offsets vary, so edges do not line up").hasSizeGreaterThan(1);
    }

    @Test
    void shouldResizeEveryTileToTheTileSize() {
        // Each cell one colour: every 16-pixel tile view, enlarged from an 8-pixel cut, is its source cell's colour.
        int[] bounds = {0, 11, 21, 32};
        byte[] pixels = new byte[3 * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int cell = cellOf(bounds, y) * 3 + cellOf(bounds, x);
                pixels[3 * (y * SIZE + x)] = (byte) (20 * cell);
                pixels[3 * (y * SIZE + x) + 1] = (byte) (250 - 20 * cell);
                pixels[3 * (y * SIZE + x) + 2] = (byte) 7;
            }
        }
        RgbImage cells = new RgbImage(SIZE, SIZE, pixels);
        JigsawRecipe recipe = new JigsawRecipe(identity(SIZE), 3, 100, 2, 16);

        RecipeDraw draw = recipe.draw(cells, new SplittableRandom(3));

        int[] order = JigsawPermutations.of(3, 100)
                .permutation(draw.array("target").orElseThrow().ints()[0]);
        assertThat(recipe.viewSides()).hasSize(9).containsOnly(16);
        for (int i = 0; i < 9; i++) {
            RgbImage expected = TestImages.uniform(16, 16, 20 * order[i], 250 - 20 * order[i], 7);
            assertThat(draw.views().get(i)).as("view.%d", i).isEqualTo(expected);
        }
    }

    @Test
    void shouldEraseExactlyTheMaskedSquare() {
        InpaintingRecipe recipe = new InpaintingRecipe(identity(SIZE), 0.5);
        for (int seed = 0; seed < 5; seed++) {
            RecipeDraw draw = recipe.draw(image, new SplittableRandom(seed));
            byte[] mask = draw.array("mask").orElseThrow().bytes();
            byte[] target = draw.array("target").orElseThrow().bytes();
            byte[] view = draw.views().get(0).pixels();

            assertThat(target).isEqualTo(image.pixels());
            assertThat(IntStream.range(0, mask.length).map(i -> mask[i]).sum()).isEqualTo(16 * 16);
            int first = IntStream.range(0, mask.length)
                    .filter(i -> mask[i] == 1)
                    .findFirst()
                    .orElseThrow();
            for (int i = 0; i < mask.length; i++) {
                int dx = i % SIZE - first % SIZE;
                int dy = i / SIZE - first / SIZE;
                boolean inSquare = dx >= 0 && dx < 16 && dy >= 0 && dy < 16;
                assertThat(mask[i]).isEqualTo((byte) (inSquare ? 1 : 0));
                for (int c = 0; c < 3; c++) {
                    assertThat(view[3 * i + c] & 0xFF).isEqualTo(inSquare ? 128 : target[3 * i + c] & 0xFF);
                }
            }
        }
    }

    @Test
    void shouldGiveAGrayImageNoColourAndShowItUnchanged() {
        RgbImage gray = grayGradient(SIZE);

        RecipeDraw draw = new ColorizationRecipe(identity(SIZE)).draw(gray, new SplittableRandom(1));

        assertThat(draw.views()).containsExactly(gray);
        for (float ab : draw.array("target").orElseThrow().floats()) {
            assertThat(ab).isCloseTo(0f, within(1e-5f));
        }
    }

    @Test
    void shouldShowTheLightnessAndPredictTheColour() {
        RgbImage red = TestImages.uniform(SIZE, SIZE, 255, 0, 0);

        RecipeDraw draw = new ColorizationRecipe(identity(SIZE)).draw(red, new SplittableRandom(1));

        float[] ab = draw.array("target").orElseThrow().floats();
        assertThat(ab[0]).isCloseTo(80.09f / 128, within(1e-4f));
        assertThat(ab[1]).isCloseTo(67.20f / 128, within(1e-4f));
        assertThat(ab[ab.length - 2]).isEqualTo(ab[0]);
        // L* 53.24 is the sRGB gray 128 (L* of gray 128 is 53.59, of 127 53.19).
        assertThat(draw.views().get(0)).isEqualTo(TestImages.uniform(SIZE, SIZE, 127, 127, 127));
        RecipeDraw colour = new ColorizationRecipe(identity(SIZE)).draw(image, new SplittableRandom(1));
        byte[] view = colour.views().get(0).pixels();
        for (int i = 0; i < view.length; i += 3) {
            assertThat(view[i + 1]).isEqualTo(view[i]);
            assertThat(view[i + 2]).isEqualTo(view[i]);
        }
    }

    @Test
    void shouldDropAboutTheConfiguredFractionOfPixels() {
        RgbImage bright = TestImages.uniform(64, 64, 200, 150, 100);

        RecipeDraw draw = new DenoisingRecipe(identity(64), 0.0, 0.25).draw(bright, new SplittableRandom(3));

        byte[] view = draw.views().get(0).pixels();
        assertThat(draw.array("target").orElseThrow().bytes()).isEqualTo(bright.pixels());
        int dropped = 0;
        for (int i = 0; i < view.length; i += 3) {
            boolean zero = view[i] == 0 && view[i + 1] == 0 && view[i + 2] == 0;
            dropped += zero ? 1 : 0;
            if (!zero) {
                assertThat(new byte[] {view[i], view[i + 1], view[i + 2]})
                        .containsExactly((byte) 200, (byte) 150, (byte) 100);
            }
        }
        assertThat(dropped / 4096.0).isCloseTo(0.25, within(0.03));
    }

    @Test
    void shouldAddNoiseOfTheConfiguredStandardDeviation() {
        RgbImage mid = TestImages.uniform(64, 64, 128, 128, 128);

        RecipeDraw draw = new DenoisingRecipe(identity(64), 0.1, 0.0).draw(mid, new SplittableRandom(3));

        byte[] view = draw.views().get(0).pixels();
        double sum = 0;
        double squares = 0;
        for (byte b : view) {
            double d = (b & 0xFF) - 128;
            sum += d;
            squares += d * d;
        }
        double mean = sum / view.length;
        assertThat(mean).isCloseTo(0, within(1.0));
        assertThat(Math.sqrt(squares / view.length - mean * mean)).isCloseTo(25.5, within(1.0));
        assertThat(new DenoisingRecipe(identity(64), 0.1, 1.0)
                        .draw(mid, new SplittableRandom(3))
                        .views()
                        .get(0)
                        .pixels())
                .containsOnly((byte) 0);
    }

    private static RgbImage grayGradient(int size) {
        byte[] pixels = new byte[3 * size * size];
        for (int i = 0; i < size * size; i++) {
            byte v = (byte) (i * 255 / (size * size - 1));
            pixels[3 * i] = v;
            pixels[3 * i + 1] = v;
            pixels[3 * i + 2] = v;
        }
        return new RgbImage(size, size, pixels);
    }

    private static int cellOf(int[] bounds, int coordinate) {
        int cell = 0;
        while (coordinate >= bounds[cell + 1]) {
            cell++;
        }
        return cell;
    }

    /**
     * @return the offset along x of the place inside source cell {@code cell} whose pixels {@code tile} shows, -1 if
     *     there is none
     */
    private static int startIn(RgbImage tile, RgbImage source, int[] bounds, int cell) {
        int side = tile.width();
        for (int sy = bounds[cell / 3]; sy + side <= bounds[cell / 3 + 1]; sy++) {
            for (int sx = bounds[cell % 3]; sx + side <= bounds[cell % 3 + 1]; sx++) {
                boolean same = true;
                for (int y = 0; y < side && same; y++) {
                    for (int x = 0; x < side && same; x++) {
                        same = tile.rgb(x, y) == source.rgb(sx + x, sy + y);
                    }
                }
                if (same) {
                    return sx - bounds[cell % 3];
                }
            }
        }
        return -1;
    }
}
