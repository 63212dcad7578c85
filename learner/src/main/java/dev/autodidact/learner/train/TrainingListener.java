package dev.autodidact.learner.train;

/**
 * A side effect of the training loop, in the manner of DJL's {@code TrainingListener}: metrics, guards, health and
 * the checkpoint schedule hang on the loop instead of living in it. Listeners run on the training thread, in the
 * order they were given, after the step's arrays are closed.
 */
public interface TrainingListener {

    /** The loop waited {@code nanos} for a batch (whether or not one came). */
    default void onDataWait(long nanos) {}

    /** A step ran on {@code batch} (applied or skipped, see {@link StepResult#applied()}). */
    default void onStep(StepResult result, ExampleBatch batch) {}

    /** The loop ended: stopped, halted or at a limit. Not called when a step threw. */
    default void onEnd() {}
}
