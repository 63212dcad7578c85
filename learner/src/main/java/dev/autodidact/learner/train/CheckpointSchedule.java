package dev.autodidact.learner.train;

/**
 * When the next checkpoint is due: every {@code everySteps} steps or {@code everyNanos} of wall time since the last
 * one, whichever comes first, and only when there are steps not yet published. A held-back checkpoint (collapse
 * guard) postpones the next one by a full interval.
 */
public final class CheckpointSchedule {
    private final long everySteps;
    private final long everyNanos;
    private long publishedStep = -1;
    private long deferredAtStep = -1;
    private long lastPublishNanos = System.nanoTime();

    public CheckpointSchedule(long everySteps, long everyMillis) {
        this.everySteps = everySteps;
        this.everyNanos = everyMillis * 1_000_000L;
    }

    /** Training resumes at {@code step}, which a checkpoint already holds. */
    public void restored(long step) {
        publishedStep = step;
    }

    public boolean due(long step) {
        return hasUnpublishedSteps(step)
                && (step - Math.max(Math.max(publishedStep, deferredAtStep), 0) >= everySteps
                        || System.nanoTime() - lastPublishNanos >= everyNanos);
    }

    public boolean hasUnpublishedSteps(long step) {
        return step > 0 && step != publishedStep;
    }

    /** The checkpoint due at {@code step} was held back: wait a full interval before the next. */
    public void deferred(long step) {
        lastPublishNanos = System.nanoTime();
        deferredAtStep = step;
    }

    public void published(long step) {
        publishedStep = step;
        lastPublishNanos = System.nanoTime();
    }
}
