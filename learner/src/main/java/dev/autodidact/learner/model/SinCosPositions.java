package dev.autodidact.learner.model;

/**
 * The fixed 2-D sine-cosine position embedding of MAE (He et al. 2022, {@code get_2d_sincos_pos_embed}): of a token's
 * {@code dim} values, the first half encode its column and the second half its row, each half as
 * {@code [sin(pos w_0) .. sin(pos w_(k-1)), cos(pos w_0) .. cos(pos w_(k-1))]} with {@code k = dim / 4} and
 * {@code w_i = 1 / 10000^(i / k)} (Vaswani et al. 2017). Fixed rather than learned, so a checkpoint holds none and a
 * grid of any size gets its embedding from its shape alone. Rectangular grids (log-mel patches) and 1-D sequences
 * (latent audio frames) use the same per-axis formula.
 */
public final class SinCosPositions {
    private SinCosPositions() {}

    /**
     * The embedding of a {@code side x side} grid of tokens in row-major order: {@code side * side} rows of {@code dim}
     * values, flattened.
     *
     * @throws IllegalArgumentException unless {@code dim} is a positive multiple of 4 and {@code side} positive
     */
    public static float[] grid(int side, int dim) {
        return grid(side, side, dim);
    }

    /**
     * The embedding of a {@code rows x cols} grid of tokens in row-major order (a log-mel spectrogram's patches: mel
     * bands down, frames across): {@code rows * cols} rows of {@code dim} values, flattened. The square grid's
     * embedding is this one with {@code rows == cols}.
     *
     * @throws IllegalArgumentException unless {@code dim} is a positive multiple of 4 and the grid is not empty
     */
    public static float[] grid(int rows, int cols, int dim) {
        if (dim < 4 || dim % 4 != 0 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException(
                    "Need a non-empty grid and a dim divisible by 4, got " + rows + "x" + cols + ", dim " + dim);
        }
        int half = dim / 2;
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(rows, cols), dim)];
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                int offset = (row * cols + col) * dim;
                axis(col, half, out, offset);
                axis(row, half, out, offset + half);
            }
        }
        return out;
    }

    /**
     * The 1-D embedding of a sequence of {@code length} tokens (Vaswani et al. 2017, sec. 3.5, with the sines first and
     * the cosines second): {@code length} rows of {@code dim} values, flattened. A sequence of any length gets its
     * embedding from its length alone, so an encoder over latent frames takes clips of any duration.
     *
     * @throws IllegalArgumentException unless {@code dim} is a positive multiple of 2 and {@code length} positive
     */
    public static float[] sequence(int length, int dim) {
        if (dim < 2 || dim % 2 != 0 || length < 1) {
            throw new IllegalArgumentException(
                    "Need a positive length and an even dim, got length " + length + ", dim " + dim);
        }
        float[] out = new float[Math.multiplyExact(length, dim)];
        for (int t = 0; t < length; t++) {
            axis(t, dim, out, t * dim);
        }
        return out;
    }

    /** The 1-D embedding of {@code position} in {@code width} values written at {@code offset}. */
    private static void axis(int position, int width, float[] out, int offset) {
        int k = width / 2;
        for (int i = 0; i < k; i++) {
            double frequency = 1.0 / Math.pow(10000.0, (double) i / k);
            out[offset + i] = (float) Math.sin(position * frequency);
            out[offset + k + i] = (float) Math.cos(position * frequency);
        }
    }
}
