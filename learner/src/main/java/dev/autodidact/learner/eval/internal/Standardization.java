package dev.autodidact.learner.eval.internal;

/**
 * Per-dimension standardisation {@code (x_j - mean_j) / std_j}, with the population standard deviation of the rows it
 * was fitted on; a dimension whose std is below {@code 1e-8} is only centred (its std is taken as 1).
 */
public record Standardization(double[] mean, double[] std) {
    private static final double MIN_STD = 1e-8;

    /** Mean and std of every column of {@code rows}. */
    public static Standardization fit(float[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[] var = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                var[j] += c * c;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(var[j] / rows.length);
            std[j] = s < MIN_STD ? 1 : s;
        }
        return new Standardization(mean, std);
    }

    /** The standardised rows, packed row-major. */
    public double[] applyFlat(float[][] rows) {
        int d = mean.length;
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            apply(rows[i], out, i * d);
        }
        return out;
    }

    /** Writes the standardised {@code row} into {@code out} from {@code offset}. */
    public void apply(float[] row, double[] out, int offset) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("Row has dimension " + row.length + ", expected " + mean.length);
        }
        for (int j = 0; j < mean.length; j++) {
            out[offset + j] = (row[j] - mean[j]) / std[j];
        }
    }
}
