package dev.autodidact.learner.eval.internal;

/**
 * Eigenvalues of a real symmetric matrix by the cyclic Jacobi method: sweep over every off-diagonal pair {@code (p,
 * q)} and apply the plane rotation that zeroes {@code a_pq}, until a whole sweep finds every {@code |a_pq|} at or
 * below {@code 1e-15 sqrt(|a_pp a_qq|)} or below {@code 1e-18 ||A||_F}. The first rule gives the eigenvalues to high
 * relative accuracy; the second only stops the sweeps from chasing rounding noise among eigenvalues that are zero to
 * working precision. Cost is about {@code 4 n^3} flops per sweep, with typically 6 to 10 sweeps: meant for {@code n <=
 * 512}.
 */
public final class SymmetricEigenvalues {
    private static final double TOLERANCE = 1e-15;
    private static final double ABSOLUTE_TOLERANCE = 1e-18;
    private static final int MAX_SWEEPS = 60;

    private SymmetricEigenvalues() {}

    /**
     * The eigenvalues of {@code a}, in no particular order.
     *
     * @param a {@code n * n} values, row-major; must be symmetric; left unchanged
     * @param n the order of the matrix
     * @throws IllegalStateException if the iteration does not converge (only for non-finite input)
     */
    public static double[] of(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("Expected " + n + " x " + n + " values, got " + a.length);
        }
        double[] m = a.clone();
        double norm = 0;
        for (double v : m) {
            norm += v * v;
        }
        double floor = ABSOLUTE_TOLERANCE * Math.sqrt(norm);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotated |= rotate(m, n, p, q, floor);
                }
            }
            if (!rotated) {
                double[] eigenvalues = new double[n];
                for (int i = 0; i < n; i++) {
                    eigenvalues[i] = m[i * n + i];
                }
                return eigenvalues;
            }
        }
        throw new IllegalStateException("Jacobi eigenvalue iteration did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /** Zeroes {@code m[p][q]} by a rotation in the {@code (p, q)} plane; false when it was already negligible. */
    private static boolean rotate(double[] m, int n, int p, int q, double floor) {
        double apq = m[p * n + q];
        double app = m[p * n + p];
        double aqq = m[q * n + q];
        if (Math.abs(apq) <= floor || Math.abs(apq) <= TOLERANCE * Math.sqrt(Math.abs(app * aqq))) {
            return false;
        }
        double theta = (aqq - app) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int rp = p * n;
        int rq = q * n;
        for (int k = 0; k < n; k++) {
            if (k == p || k == q) {
                continue;
            }
            double akp = m[rp + k];
            double akq = m[rq + k];
            double np = c * akp - s * akq;
            double nq = s * akp + c * akq;
            m[rp + k] = np;
            m[k * n + p] = np;
            m[rq + k] = nq;
            m[k * n + q] = nq;
        }
        m[rp + p] = app - t * apq;
        m[rq + q] = aqq + t * apq;
        m[rp + q] = 0;
        m[rq + p] = 0;
        return true;
    }
}
