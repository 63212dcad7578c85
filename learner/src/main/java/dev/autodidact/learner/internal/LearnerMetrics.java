package dev.autodidact.learner.internal;

import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainingListener;
import dev.autodidact.schema.checkpoint.Checkpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** The learner's meters: step and data-wait time, samples, loss, learning rate, skipped steps, checkpoints. */
public final class LearnerMetrics implements TrainingListener {
    private static final double RATE_WINDOW_SECONDS = 10;

    private final Timer stepTimer;
    private final Timer dataWait;
    private final Counter samples;
    private final Counter skipped;
    private final Timer publishTimer;
    private final DistributionSummary checkpointBytes;
    private final AtomicLong version = new AtomicLong();
    private final DoubleAdder loss = new DoubleAdder();
    private final DoubleAdder learningRate = new DoubleAdder();
    private double rate;
    private long windowStart = System.nanoTime();
    private long windowSamples;

    public LearnerMetrics(MeterRegistry registry, LearnerConfig config) {
        Tags tags = Tags.of("modality", config.modality().id(), "method", config.method());
        stepTimer = Timer.builder("autodidact.learner.step")
                .tags(tags)
                .description("Forward, backward and update of one batch")
                .register(registry);
        dataWait = Timer.builder("autodidact.learner.data.wait")
                .tags(tags)
                .description("Time spent waiting for a full batch")
                .register(registry);
        samples = Counter.builder("autodidact.learner.samples")
                .tags(tags)
                .description("Examples trained on")
                .register(registry);
        skipped = Counter.builder("autodidact.learner.steps.skipped")
                .tags(tags)
                .description("Steps skipped because the loss was not finite")
                .register(registry);
        publishTimer = Timer.builder("autodidact.checkpoint.publish")
                .tags(tags)
                .description("Snapshot and transactional publication of one checkpoint")
                .register(registry);
        checkpointBytes = DistributionSummary.builder("autodidact.checkpoint.size")
                .baseUnit("bytes")
                .tags(tags)
                .description("Checkpoint payload size")
                .register(registry);
        Gauge.builder("autodidact.checkpoint.version", version, AtomicLong::get)
                .tags(tags)
                .description("Newest published checkpoint version")
                .register(registry);
        Gauge.builder("autodidact.learner.loss", loss, DoubleAdder::sum)
                .tags(tags)
                .description("Loss of the last step")
                .register(registry);
        Gauge.builder("autodidact.learner.learning.rate", learningRate, DoubleAdder::sum)
                .tags(tags)
                .description("Learning rate of the last step")
                .register(registry);
        Gauge.builder("autodidact.learner.throughput", this, LearnerMetrics::samplesPerSecond)
                .tags(tags)
                .description("Samples trained per second over the last window")
                .register(registry);
    }

    @Override
    public void onDataWait(long nanos) {
        dataWait(nanos);
    }

    @Override
    public void onStep(StepResult result, ExampleBatch batch) {
        step(result);
    }

    public void dataWait(long nanos) {
        dataWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void step(StepResult r) {
        stepTimer.record(r.computeNanos(), TimeUnit.NANOSECONDS);
        samples.increment(r.samples());
        if (!r.applied()) {
            skipped.increment();
        }
        loss.reset();
        loss.add(r.loss());
        learningRate.reset();
        learningRate.add(r.learningRate());
        windowSamples += r.samples();
        double elapsed = (System.nanoTime() - windowStart) / 1e9;
        if (elapsed >= RATE_WINDOW_SECONDS) {
            rate = windowSamples / elapsed;
            windowStart = System.nanoTime();
            windowSamples = 0;
        } else if (rate == 0 && elapsed > 1) {
            rate = windowSamples / elapsed;
        }
    }

    public void checkpoint(Checkpoint cp, long nanos) {
        publishTimer.record(nanos, TimeUnit.NANOSECONDS);
        checkpointBytes.record(cp.payload().length);
        version.set(cp.manifest().version());
    }

    public double samplesPerSecond() {
        return rate;
    }
}
