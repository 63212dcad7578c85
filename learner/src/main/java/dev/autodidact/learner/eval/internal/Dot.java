package dev.autodidact.learner.eval.internal;

/** Dot products of double slices with four independent accumulators, so the additions can overlap in the pipeline. */
public final class Dot {
    private Dot() {}

    /** {@code sum_j a[aOff + j] * b[bOff + j]} for {@code j < len}. */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= len; j += 4) {
            s0 += a[aOff + j] * b[bOff + j];
            s1 += a[aOff + j + 1] * b[bOff + j + 1];
            s2 += a[aOff + j + 2] * b[bOff + j + 2];
            s3 += a[aOff + j + 3] * b[bOff + j + 3];
        }
        for (; j < len; j++) {
            s0 += a[aOff + j] * b[bOff + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
