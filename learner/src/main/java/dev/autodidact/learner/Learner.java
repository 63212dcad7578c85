package dev.autodidact.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.checkpoint.CheckpointFollower;
import dev.autodidact.learner.checkpoint.CheckpointPublisher;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.internal.ExampleConsumer;
import dev.autodidact.learner.internal.LearnerMetrics;
import dev.autodidact.learner.internal.TrainingState;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.method.SslMethods;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.checkpoint.Checkpoint;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner service: resumes from the newest committed checkpoint, trains on the examples topic without end (or up
 * to {@code max.steps} / {@code max.duration.ms}), and publishes a checkpoint every N steps or T seconds, and once more
 * on a graceful stop. {@link #halt()} stops without that last checkpoint, as a crash would.
 */
public final class Learner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Learner.class);
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

    private final LearnerConfig config;
    private final MeterRegistry registry;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean halted = new AtomicBoolean();
    private volatile long haltAtStep = -1;
    private volatile LearnerProgress progress = new LearnerProgress(0, 0, Double.NaN, 0, 0, 0);

    public Learner(LearnerConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** Trains until stopped or a limit is reached; blocks the calling thread. */
    public void run() {
        var topics = config.topics();
        try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
             CheckpointPublisher publisher = new CheckpointPublisher(config.clientProperties(),
                     config.transactionalId(), topics.checkpoints(), config.checkpointDir());
             ExampleConsumer examples = new ExampleConsumer(config)) {
            Engine.getInstance().setRandomSeed((int) config.getLong(LearnerConfig.SEED).longValue());
            SslMethod method = SslMethods.create(config, root);
            try (AdamW optimizer = new AdamW(root, config.getDouble(LearnerConfig.WEIGHT_DECAY).floatValue())) {
                TrainingState state = new TrainingState(config, method, optimizer);
                newestCheckpoint().ifPresent(state::restore);
                examples.subscribe(state.offsets());
                LearnerMetrics metrics = new LearnerMetrics(registry, config);
                LOG.info("Learner {} on {} starting at step {} (version {}), device {}", method.name(),
                        examples.topic(), state.step(), state.version(), root.getDevice());
                TrainStep trainStep = new TrainStep(root, method, optimizer, LearningRateSchedule.constantAfterWarmup(
                        config.getDouble(LearnerConfig.LEARNING_RATE).floatValue(),
                        config.getLong(LearnerConfig.WARMUP_STEPS)), config.encoderSpec());
                loop(state, trainStep, examples, publisher, metrics);
            }
        }
    }

    private void loop(TrainingState state, TrainStep trainStep, ExampleConsumer examples,
                      CheckpointPublisher publisher, LearnerMetrics metrics) {
        int batchSize = config.getInt(LearnerConfig.BATCH_SIZE);
        int maxNonFinite = config.getInt(LearnerConfig.MAX_NONFINITE_STEPS);
        long deadline = config.maxDuration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        long maxSteps = config.getLong(LearnerConfig.MAX_STEPS);
        int nonFiniteInRow = 0;
        while (!stopRequested.get() && (maxSteps < 0 || state.step() < maxSteps) && System.nanoTime() < deadline) {
            long waitStart = System.nanoTime();
            Optional<ExampleBatch> batch = examples.nextBatch(batchSize, Duration.ofMillis(200));
            metrics.dataWait(System.nanoTime() - waitStart);
            if (batch.isEmpty()) {
                continue;
            }
            StepResult result = trainStep.run(state.step(), batch.get());
            state.advance(result, batch.get());
            metrics.step(result);
            if (haltAtStep >= 0 && state.step() >= haltAtStep) {
                halt();
            }
            nonFiniteInRow = result.applied() ? 0 : nonFiniteInRow + 1;
            if (!result.applied()) {
                LOG.warn("Step {} skipped: loss {} is not finite ({} in a row)", result.step(), result.loss(),
                        nonFiniteInRow);
                if (nonFiniteInRow >= maxNonFinite) {
                    throw new IllegalStateException(nonFiniteInRow + " consecutive steps with a non-finite loss");
                }
            }
            if (state.checkpointDue() && !halted.get()) {
                publish(state, examples, publisher, metrics);
            }
            progress = state.progress(metrics.samplesPerSecond());
        }
        if (!halted.get() && state.hasUnpublishedSteps()) {
            publish(state, examples, publisher, metrics);
            progress = state.progress(metrics.samplesPerSecond());
        }
    }

    private void publish(TrainingState state, ExampleConsumer examples, CheckpointPublisher publisher,
                         LearnerMetrics metrics) {
        long start = System.nanoTime();
        Checkpoint checkpoint = state.snapshot();
        publisher.publish(checkpoint, state.offsets(), examples.groupMetadata());
        state.published(checkpoint);
        metrics.checkpoint(checkpoint, System.nanoTime() - start);
        LOG.info("Published checkpoint v{} at step {} ({} samples, {} bytes)", checkpoint.manifest().version(),
                checkpoint.manifest().step(), checkpoint.manifest().samplesSeen(), checkpoint.payload().length);
    }

    private Optional<Checkpoint> newestCheckpoint() {
        try (CheckpointFollower follower = new CheckpointFollower(config.clientProperties(),
                config.topics().checkpoints())) {
            Optional<Checkpoint> fromTopic = follower.catchUp(IO_TIMEOUT)
                    .filter(cp -> cp.manifest().method().equals(config.method()));
            if (fromTopic.isPresent()) {
                return fromTopic;
            }
        }
        return config.checkpointDir().flatMap(CheckpointDirectory::read)
                .filter(cp -> cp.manifest().method().equals(config.method()));
    }

    /** Asks the loop to stop after the current step and publish a final checkpoint. */
    public void stop() {
        stopRequested.set(true);
    }

    /** Stops after the current step without publishing, as a crash would: the next run resumes from the last one. */
    public void halt() {
        halted.set(true);
        stopRequested.set(true);
    }

    /** Halts, as {@link #halt()}, right after step {@code step}: a crash at a known point, for tests and drills. */
    public void haltAfterStep(long step) {
        haltAtStep = step;
    }

    public LearnerProgress progress() {
        return progress;
    }

    @Override
    public void close() {
        stop();
    }
}
