package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;

/** Argument checks shared by the losses. */
final class Losses {
    private Losses() {}

    /** Fails unless {@code a} and {@code b} are (N, d) arrays of one shape. */
    static void checkPair(String loss, NDArray a, NDArray b) {
        if (!a.getShape().equals(b.getShape()) || a.getShape().dimension() != 2) {
            throw new IllegalArgumentException(
                    loss + " needs two (N, d) arrays of one shape, got " + a.getShape() + " and " + b.getShape());
        }
    }

    /**
     * {@code state} without gradient, as an array of {@code like}'s manager: long-lived state (MoCo's queue, DINO's
     * centre) used in a step must not leave a detached copy on its own, long-lived manager.
     */
    static NDArray constant(NDArray state, NDArray like) {
        NDArray detached = state.stopGradient();
        detached.attach(like.getManager());
        return detached;
    }

    /** Fails unless {@code value} is positive (and not NaN). */
    static void checkPositive(String what, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
