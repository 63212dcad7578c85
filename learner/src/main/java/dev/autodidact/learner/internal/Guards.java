package dev.autodidact.learner.internal;

import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.schema.checkpoint.Checkpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner's safety rules. Divergence: after {@code max.consecutive.nonfinite.steps} skipped steps in a row the
 * weights go back to the last good (published or restored) checkpoint; more than {@code max.rollbacks} roll-backs
 * without a successful checkpoint in between fail the learner, as does divergence before any checkpoint exists.
 * Collapse: a checkpoint whose embeddings' std is below {@code health.collapse.std.fraction / sqrt(d)} is held back
 * and {@code autodidact.health.collapsed} is 1 until the representation recovers or the guard is overridden.
 */
public final class Guards {
    private static final Logger LOG = LoggerFactory.getLogger(Guards.class);

    private final int maxNonFinite;
    private final int maxRollbacks;
    private final double collapseFraction;
    private final Counter rollbackCounter;
    private final Counter heldBack;
    private final AtomicInteger collapsed = new AtomicInteger();
    private Checkpoint lastGood;
    private int nonFiniteInRow;
    private int rollbacksSinceGood;

    public Guards(LearnerConfig config, MeterRegistry registry, Tags tags, Checkpoint restored) {
        this.maxNonFinite = config.getInt(LearnerConfig.MAX_NONFINITE_STEPS);
        this.maxRollbacks = config.getInt(LearnerConfig.MAX_ROLLBACKS);
        this.collapseFraction = config.getDouble(LearnerConfig.COLLAPSE_STD_FRACTION);
        this.lastGood = restored;
        this.rollbackCounter = Counter.builder("autodidact.learner.rollbacks").tags(tags)
                .description("Roll-backs to the last good checkpoint after repeated non-finite losses")
                .register(registry);
        this.heldBack = Counter.builder("autodidact.checkpoint.held.back").tags(tags)
                .description("Checkpoints not published because the representation was collapsed")
                .register(registry);
        Gauge.builder("autodidact.health.collapsed", collapsed, AtomicInteger::get).tags(tags)
                .description("1 while checkpoint publishing is frozen by the collapse guard").register(registry);
    }

    /** Records a step; returns true when the weights must be rolled back to {@link #lastGood()} now. */
    public boolean afterStep(StepResult result) {
        if (result.applied()) {
            nonFiniteInRow = 0;
            return false;
        }
        nonFiniteInRow++;
        LOG.warn("Step {} skipped: loss {} is not finite ({} in a row)", result.step(), result.loss(), nonFiniteInRow);
        if (nonFiniteInRow < maxNonFinite) {
            return false;
        }
        if (lastGood == null) {
            throw new IllegalStateException(nonFiniteInRow + " consecutive non-finite losses and no checkpoint to "
                    + "roll back to");
        }
        if (++rollbacksSinceGood > maxRollbacks) {
            throw new IllegalStateException("Training keeps diverging: " + maxRollbacks + " roll-backs to v"
                    + lastGood.manifest().version() + " did not help");
        }
        nonFiniteInRow = 0;
        rollbackCounter.increment();
        LOG.warn("Rolling weights back to checkpoint v{} ({} of {})", lastGood.manifest().version(),
                rollbacksSinceGood, maxRollbacks);
        return true;
    }

    /** Whether a checkpoint with these health values must be held back. */
    public boolean holdBack(Map<String, Double> health, int dimension, boolean guardEnabled) {
        Double std = health.get(HealthMonitor.STD);
        double threshold = collapseFraction / Math.sqrt(dimension);
        boolean isCollapsed = std != null && std < threshold;
        collapsed.set(isCollapsed && guardEnabled ? 1 : 0);
        if (isCollapsed && guardEnabled) {
            heldBack.increment();
            LOG.warn("Representation collapsed (std {} < {}): checkpoint held back", std, threshold);
            return true;
        }
        return false;
    }

    public void published(Checkpoint checkpoint) {
        lastGood = checkpoint;
        rollbacksSinceGood = 0;
    }

    public Checkpoint lastGood() {
        return lastGood;
    }
}
