package dev.autodidact.learner.model;

/**
 * The fixed 2-D sine-cosine position embedding of MAE (He et al. 2022, {@code get_2d_sincos_pos_embed}): of a token's
 * {@code dim} values, the first half encode its column and the second half its row, each half as
 * {@code [sin(pos w_0) .. sin(pos w_(k-1)), cos(pos w_0) .. cos(pos w_(k-1))]} with {@code k = dim / 4} and
 * {@code w_i = 1 / 10000^(i / k)} (Vaswani et al. 2017). Fixed rather than learned, so a checkpoint holds none and a
 * grid of any size gets its embedding from its shape alone.
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
        if (dim < 4 || dim % 4 != 0 || side < 1) {
            throw new IllegalArgumentException(
                    "Need a positive grid side and a dim divisible by 4, got side " + side + ", dim " + dim);
        }
        int half = dim / 2;
        float[] out = new float[side * side * dim];
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                int offset = (row * side + col) * dim;
                axis(col, half, out, offset);
                axis(row, half, out, offset + half);
            }
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
