package dev.autodidact.cli.report.internal;

import java.util.SplittableRandom;

/**
 * Principal component analysis by power iteration with deflation on the {@code d x d} covariance matrix: enough for
 * the two or three leading directions of a few thousand embeddings of a few hundred dimensions.
 *
 * @param mean the column means that were subtracted
 * @param components {@code k} unit vectors of length {@code d}, by decreasing variance; each signed so that its
 *     largest-magnitude entry is positive (the sign of an eigenvector is arbitrary)
 * @param variances the variance along each component (the covariance's eigenvalues, divisor {@code n - 1})
 */
public record PrincipalComponents(double[] mean, double[][] components, double[] variances) {
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-12;

    /** The top {@code k} components of the rows of {@code x} ({@code n >= 2} rows of equal length {@code d >= k}). */
    public static PrincipalComponents fit(float[][] x, int k) {
        if (x.length < 2 || x[0].length < k || k < 1) {
            throw new IllegalArgumentException("PCA of " + k + " components needs at least 2 rows of length " + k);
        }
        int d = x[0].length;
        double[] mean = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) x.length;
            }
        }
        double[][] cov = covariance(x, mean);
        double[][] components = new double[k][];
        double[] variances = new double[k];
        SplittableRandom random = new SplittableRandom(42);
        for (int c = 0; c < k; c++) {
            double[] v = leadingEigenvector(cov, random);
            double lambda = dot(v, multiply(cov, v));
            components[c] = v;
            variances[c] = Math.max(lambda, 0);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        return new PrincipalComponents(mean, components, variances);
    }

    /** Each row of {@code x}, centred and projected onto the components: {@code n x k}. */
    public double[][] project(float[][] x) {
        double[][] out = new double[x.length][components.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < components.length; c++) {
                double s = 0;
                for (int j = 0; j < mean.length; j++) {
                    s += (x[i][j] - mean[j]) * components[c][j];
                }
                out[i][c] = s;
            }
        }
        return out;
    }

    private static double[][] covariance(float[][] x, double[] mean) {
        int d = mean.length;
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += centred[a] * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= x.length - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    private static double[] leadingEigenvector(double[][] cov, SplittableRandom random) {
        int d = cov.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextDouble() - 0.5;
        }
        normalize(v);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = multiply(cov, v);
            if (normalize(next) == 0) {
                return signed(v);
            }
            double change = 1 - Math.abs(dot(next, v));
            v = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return signed(v);
    }

    private static double[] signed(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < m.length; a++) {
            out[a] = dot(m[a], v);
        }
        return out;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += u[j] * v[j];
        }
        return s;
    }

    /** Scales {@code v} to unit length in place; returns its former norm (0 leaves it unchanged). */
    private static double normalize(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= norm;
            }
        }
        return norm;
    }
}
