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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner's safety rules. Divergence: after {@code max.consecutive.nonfinite.steps} skipped steps in a row the
 * weights go back to the last good (published or restored) checkpoint; more than {@code max.rollbacks} roll-backs
 * without a successful checkpoint in between fail the learner, as does divergence before any checkpoint exists.
 * Collapse: a checkpoint whose embeddings' std is below {@code health.collapse.std.fraction / sqrt(d)}, or whose
 * projections' std ({@link HealthMonitor#PROJECTION_STD}, where negative-free methods collapse first) is below {@code
 * health.collapse.std.fraction / sqrt(d_projection)}, is held back and {@code autodidact.health.collapsed} is 1 until
 * the representation recovers or the guard is overridden. Non-finite health values (NaN or infinite embeddings) are
 * held back even when the guard is overridden, and the weights go back to the last good checkpoint at the next step,
 * counted against {@code max.rollbacks} like a divergence.
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
    private boolean nonFiniteHealth;

    public Guards(LearnerConfig config, MeterRegistry registry, Tags tags, Checkpoint restored) {
        this.maxNonFinite = config.getInt(LearnerConfig.MAX_NONFINITE_STEPS_CONFIG);
        this.maxRollbacks = config.getInt(LearnerConfig.MAX_ROLLBACKS_CONFIG);
        this.collapseFraction = config.getDouble(LearnerConfig.COLLAPSE_STD_FRACTION_CONFIG);
        this.lastGood = restored;
        this.rollbackCounter = Counter.builder("autodidact.learner.rollbacks")
                .tags(tags)
                .description("Roll-backs to the last good checkpoint after repeated non-finite losses")
                .register(registry);
        this.heldBack = Counter.builder("autodidact.checkpoint.held.back")
                .tags(tags)
                .description("Checkpoints not published because the representation was collapsed")
                .register(registry);
        Gauge.builder("autodidact.health.collapsed", collapsed, AtomicInteger::get)
                .tags(tags)
                .description("1 while checkpoint publishing is frozen by the collapse guard")
                .register(registry);
    }

    /** Records a step; returns true when the weights must be rolled back to {@link #lastGood()} now. */
    public boolean afterStep(StepResult result) {
        if (nonFiniteHealth && lastGood != null) {
            nonFiniteHealth = false;
            nonFiniteInRow = 0;
            return rollBack("the last checkpoint's embeddings were not finite");
        }
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
            throw new IllegalStateException(
                    nonFiniteInRow + " consecutive non-finite losses and no checkpoint to " + "roll back to");
        }
        nonFiniteInRow = 0;
        return rollBack(maxNonFinite + " non-finite losses in a row");
    }

    private boolean rollBack(String reason) {
        if (++rollbacksSinceGood > maxRollbacks) {
            throw new IllegalStateException("Training keeps diverging: " + maxRollbacks + " roll-backs to v"
                    + lastGood.manifest().version() + " did not help");
        }
        rollbackCounter.increment();
        LOG.warn(
                "Rolling weights back to checkpoint v{} ({} of {}): {}",
                lastGood.manifest().version(),
                rollbacksSinceGood,
                maxRollbacks,
                reason);
        return true;
    }

    /**
     * Whether a checkpoint with these health values must be held back.
     *
     * @param dimension size of the encoder's features, the {@code d} of the {@link HealthMonitor#STD} threshold
     * @param projectionDimension size of the head's output, the {@code d} of the {@link HealthMonitor#PROJECTION_STD}
     *     threshold (see {@link HealthMonitor#outputDim}); 0 for no head
     * @param guardEnabled false when an operator overrode the collapse guard (non-finite values are held back anyway)
     */
    public boolean holdBack(Map<String, Double> health, int dimension, int projectionDimension, boolean guardEnabled) {
        Optional<String> nonFinite = health.entrySet().stream()
                .filter(e -> e.getValue() == null || !Double.isFinite(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue())
                .findFirst();
        nonFiniteHealth = nonFinite.isPresent();
        if (nonFiniteHealth) {
            collapsed.set(1);
            heldBack.increment();
            LOG.error(
                    "Representation not finite ({}): checkpoint held back{}",
                    nonFinite.get(),
                    lastGood == null
                            ? "; no checkpoint to roll back to"
                            : ", rolling back to v" + lastGood.manifest().version());
            return true;
        }
        Optional<String> collapse = below(health, HealthMonitor.STD, dimension)
                .or(() -> below(health, HealthMonitor.PROJECTION_STD, projectionDimension));
        boolean hold = collapse.isPresent() && guardEnabled;
        collapsed.set(hold ? 1 : 0);
        if (hold) {
            heldBack.increment();
            LOG.warn("Representation collapsed ({}): checkpoint held back", collapse.get());
        }
        return hold;
    }

    /** A description of {@code key}'s value if it is below the collapse threshold for dimension {@code d}. */
    private Optional<String> below(Map<String, Double> health, String key, int d) {
        Double std = health.get(key);
        double threshold = collapseFraction / Math.sqrt(d);
        return std != null && d > 0 && std < threshold
                ? Optional.of(key + " " + std + " < " + threshold)
                : Optional.empty();
    }

    public void published(Checkpoint checkpoint) {
        lastGood = checkpoint;
        rollbacksSinceGood = 0;
        nonFiniteHealth = false;
    }

    public Checkpoint lastGood() {
        return lastGood;
    }
}
