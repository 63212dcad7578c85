package dev.autodidact.learner.eval.internal;

/** Row-wise L2 normalisation, {@code x / max(||x||_2, 1e-12)}, as PyTorch's {@code F.normalize}. */
public final class L2Normalization {
    /** The floor on the norm, so that a zero row stays zero instead of becoming NaN. */
    public static final double EPSILON = 1e-12;

    private L2Normalization() {}

    /** A new array whose rows are the normalised rows of {@code rows}; the input is left unchanged. */
    public static float[][] normalizedCopy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = normalizedCopy(rows[i]);
        }
        return out;
    }

    /** A normalised copy of one row. */
    public static float[] normalizedCopy(float[] row) {
        double sq = 0;
        for (float v : row) {
            sq += (double) v * v;
        }
        double inv = 1.0 / Math.max(Math.sqrt(sq), EPSILON);
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (float) (row[j] * inv);
        }
        return out;
    }

    /** The normalised rows packed row-major into one array of {@code rows.length * d} floats. */
    public static float[] normalizedFlat(float[][] rows) {
        int d = rows[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(normalizedCopy(rows[i]), 0, flat, i * d, d);
        }
        return flat;
    }
}
