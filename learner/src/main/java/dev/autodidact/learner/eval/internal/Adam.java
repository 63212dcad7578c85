package dev.autodidact.learner.eval.internal;

/**
 * Adam (Kingma and Ba 2015) with bias correction: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2}, {@code
 * theta -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}, with {@code b1 = 0.9}, {@code b2 = 0.999}, {@code eps =
 * 1e-8}.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double[] m;
    private final double[] v;
    private int t;

    public Adam(int size) {
        m = new double[size];
        v = new double[size];
    }

    /** One update of {@code theta} along {@code grad} with step size {@code lr}. */
    public void step(double[] theta, double[] grad, double lr) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int j = 0; j < theta.length; j++) {
            double g = grad[j];
            m[j] = BETA1 * m[j] + (1 - BETA1) * g;
            v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
            theta[j] -= lr * (m[j] / c1) / (Math.sqrt(v[j] / c2) + EPS);
        }
    }
}
