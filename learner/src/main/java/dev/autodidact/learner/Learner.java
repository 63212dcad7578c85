package dev.autodidact.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.checkpoint.CheckpointFollower;
import dev.autodidact.learner.checkpoint.CheckpointPublisher;
import dev.autodidact.learner.embed.FeatureExtractor;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.health.ProbeSet;
import dev.autodidact.learner.health.RecentCleanSample;
import dev.autodidact.learner.internal.CheckpointListener;
import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.internal.ExampleConsumer;
import dev.autodidact.learner.internal.Guards;
import dev.autodidact.learner.internal.KafkaServiceSettings;
import dev.autodidact.learner.internal.LearnerMetrics;
import dev.autodidact.learner.internal.ModelState;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.optim.Optimizer;
import dev.autodidact.learner.replay.ReplayBuffers;
import dev.autodidact.learner.replay.ReplayMixer;
import dev.autodidact.learner.replay.ReplayState;
import dev.autodidact.learner.train.CheckpointSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.learner.train.Lineage;
import dev.autodidact.learner.train.StepResult;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.learner.train.TrainingListener;
import dev.autodidact.learner.train.TrainingLoop;
import dev.autodidact.monitoring.KafkaMetricsBinder;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointIndex;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner service: resumes from the newest committed checkpoint, trains on the examples topic without end (or up
 * to {@code max.steps} / {@code max.duration.ms}), and publishes a checkpoint every N steps or T seconds, and once more
 * on a graceful stop. {@link #halt()} stops without that last checkpoint, as a crash would.
 *
 * <p>Guards: a step with a non-finite loss is skipped and counted; {@code max.consecutive.nonfinite.steps} of them in
 * a row roll the weights back to the last published checkpoint; each checkpoint first measures representation
 * health, and while the embeddings are collapsed the checkpoint (and so every new embedding) is held back.
 */
public final class Learner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Learner.class);
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

    private final LearnerConfig config;
    private final MeterRegistry registry;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean halted = new AtomicBoolean();
    private final AtomicBoolean collapseGuard;
    private volatile long haltAtStep = -1;
    /** Inputs in the replay buffer as of the last step, written by the training thread for the gauge. */
    private final AtomicLong replayItems = new AtomicLong();

    private volatile LearnerProgress progress = new LearnerProgress(0, 0, Double.NaN, 0, 0, 0);

    public Learner(LearnerConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.collapseGuard = new AtomicBoolean(config.getBoolean(LearnerConfig.COLLAPSE_GUARD_CONFIG));
    }

    /** Trains until stopped or a limit is reached; blocks the calling thread. */
    public void run() {
        Topics topics = config.topics();
        Map<String, Object> client = config.clientProperties();
        Tags tags = Tags.of("modality", config.modality().id(), "method", config.method());
        CheckpointSeal seal = KafkaServiceSettings.seal(config);
        ModalityKit kit = config.modalityKit();
        EncoderArchitecture encoder = config.encoder();
        try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
                DeadLetterPublisher deadLetters = new DeadLetterPublisher(
                        client,
                        topics,
                        "learner",
                        registry,
                        List.of(
                                ExampleConsumer.SOURCE,
                                RecentCleanSample.SOURCE,
                                ProbeSet.SOURCE,
                                CheckpointFollower.SOURCE));
                KafkaMetricsBinder kafkaMetrics = new KafkaMetricsBinder(registry)) {
            Resume resume = resume(seal, deadLetters);
            Engine.getInstance().setRandomSeed((int)
                    config.getLong(LearnerConfig.SEED_CONFIG).longValue());
            SslMethod method = config.methodSpec().create(config.methodContext(root));
            try (CheckpointPublisher publisher = new CheckpointPublisher(
                            client,
                            config.transactionalId(),
                            topics,
                            config.checkpointDir(),
                            seal,
                            resume.index(),
                            config.getInt(LearnerConfig.CHECKPOINT_RETAIN_VERSIONS_CONFIG));
                    ExampleConsumer examples = new ExampleConsumer(
                            config,
                            new ExampleValidator(
                                    method.inputs(), method.canonicalInputs(), encoder, method::checkExample),
                            deadLetters);
                    HealthMonitor health = new HealthMonitor(
                            new RecentCleanSample(
                                    client,
                                    topics.clean(config.modality()),
                                    encoder,
                                    config.getInt(LearnerConfig.HEALTH_SAMPLE_SIZE_CONFIG),
                                    deadLetters),
                            new ProbeSet(
                                    client,
                                    topics.probe(config.modality()),
                                    kit,
                                    encoder,
                                    config.getInt(LearnerConfig.PROBE_MAX_RECORDS_CONFIG),
                                    deadLetters),
                            registry,
                            tags);
                    Optimizer optimizer = Optimizer.create(
                            config.optimizer(),
                            root,
                            (float) config.weightDecay(),
                            config.getDouble(LearnerConfig.SGD_MOMENTUM_CONFIG).floatValue())) {
                examples.bindMetrics(kafkaMetrics);
                publisher.bindMetrics(kafkaMetrics);
                ModelState model = new ModelState(
                        method,
                        optimizer,
                        config.modality(),
                        config.getInt(LearnerConfig.CHECKPOINT_CHUNK_BYTES_CONFIG));
                ParameterStore inference = new ParameterStore(root, false);
                Optional<ReplayMixer> replay = ReplayBuffers.create(
                                config.getString(LearnerConfig.REPLAY_POLICY_CONFIG),
                                config.getLong(LearnerConfig.REPLAY_BUFFER_BYTES_CONFIG),
                                config.getLong(LearnerConfig.SEED_CONFIG),
                                root,
                                inputs -> FeatureExtractor.embed(root, inference, method.encoder(), encoder, inputs))
                        .map(buffer -> new ReplayMixer(
                                buffer,
                                kit,
                                config.getDouble(LearnerConfig.REPLAY_RATIO_CONFIG),
                                config.getLong(LearnerConfig.SEED_CONFIG)));
                replay.ifPresent(mixer -> model.with(
                        ReplayState.SECTION,
                        ModelState.Section.of(
                                () -> ReplayState.save(mixer.buffer()),
                                bytes -> ReplayState.load(bytes, mixer.buffer()))));
                Lineage lineage = new Lineage();
                CheckpointSchedule schedule = new CheckpointSchedule(
                        config.getLong(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG),
                        config.getLong(LearnerConfig.CHECKPOINT_INTERVAL_MS_CONFIG));
                resume.checkpoint().ifPresent(cp -> {
                    model.load(cp);
                    lineage.restore(cp.manifest());
                    schedule.restored(lineage.step());
                });
                examples.subscribe(lineage::offsets, lineage.trainedAhead());
                LearnerMetrics metrics = new LearnerMetrics(registry, config);
                Guards guards =
                        new Guards(config, registry, tags, resume.checkpoint().orElse(null));
                LOG.info(
                        "Learner {} on {} starting at step {} (version {}), device {}, {} lr {} weight decay {}",
                        method.name(),
                        examples.topic(),
                        lineage.step(),
                        lineage.version(),
                        root.getDevice(),
                        config.optimizer(),
                        config.learningRate(),
                        config.weightDecay());
                TrainStep trainStep = new TrainStep(
                        root, method, optimizer, LearningRateSchedule.from(config), new Collator(encoder));
                CheckpointListener checkpoints = new CheckpointListener(
                        new CheckpointListener.Parts(
                                root, method, encoder, lineage, model, publisher, examples::groupMetadata),
                        schedule,
                        health,
                        guards,
                        metrics,
                        halted::get,
                        collapseGuard::get);
                TrainingListener guard = new TrainingListener() {
                    @Override
                    public void onStep(StepResult result, ExampleBatch batch) {
                        if (guards.afterStep(result)) {
                            model.load(guards.lastGood());
                        }
                        if (haltAtStep >= 0 && lineage.step() >= haltAtStep) {
                            halt();
                        }
                    }
                };
                TrainingListener progressListener = new TrainingListener() {
                    @Override
                    public void onStep(StepResult result, ExampleBatch batch) {
                        progress = lineage.progress(metrics.samplesPerSecond());
                        replay.ifPresent(m -> replayItems.set(m.buffer().size()));
                    }

                    @Override
                    public void onEnd() {
                        progress = lineage.progress(metrics.samplesPerSecond());
                    }
                };
                int batchSize = config.batchSize();
                TrainingLoop.BatchSource source = wait -> {
                    int replayed = replay.map(m -> m.replayCount(batchSize)).orElse(0);
                    return examples.nextBatch(batchSize - replayed, wait)
                            .map(fresh -> replay.map(m -> m.mix(fresh, replayed, lineage.step()))
                                    .orElse(fresh));
                };
                registerGauges(examples, replay, tags);
                new TrainingLoop(trainStep, lineage, source, List.of(metrics, guard, checkpoints, progressListener))
                        .run(stopRequested::get, config.getLong(LearnerConfig.MAX_STEPS_CONFIG), config.maxDuration());
            }
        }
    }

    private void registerGauges(ExampleConsumer examples, Optional<ReplayMixer> replay, Tags tags) {
        Gauge.builder("autodidact.learner.consumer.lag", examples, ExampleConsumer::lag)
                .tags(tags)
                .description("Examples behind the end of the topic, as of the last poll (-1 while unknown)")
                .register(registry);
        Gauge.builder("autodidact.learner.shuffle.buffered", examples, ExampleConsumer::buffered)
                .tags(tags)
                .description("Examples waiting in the shuffle buffer")
                .register(registry);
        replay.ifPresent(m -> Gauge.builder("autodidact.learner.replay.items", replayItems, AtomicLong::get)
                .tags(tags.and("policy", m.buffer().policy()))
                .description("Inputs held by the replay buffer")
                .register(registry));
    }

    /** Where training resumes: the newest usable checkpoint of this method, and the method's checkpoint index. */
    private record Resume(Optional<Checkpoint> checkpoint, CheckpointIndex index) {}

    private Resume resume(CheckpointSeal seal, DeadLetterPublisher deadLetters) {
        try (CheckpointFollower follower = new CheckpointFollower(
                config.clientProperties(), config.topics(), config.method(), seal, registry, deadLetters)) {
            Optional<Checkpoint> fromTopic = follower.catchUp(IO_TIMEOUT);
            Optional<Checkpoint> resumed = fromTopic.isPresent()
                    ? fromTopic
                    : config.checkpointDir()
                            .flatMap(dir -> CheckpointDirectory.read(dir, seal))
                            .filter(cp -> cp.manifest().method().equals(config.method()));
            return new Resume(resumed, follower.index());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot find where to resume: " + e.getMessage(), e);
        }
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

    /** Turns the collapse guard off (a person overrides it) or back on, effective at the next checkpoint. */
    public void setCollapseGuard(boolean enabled) {
        collapseGuard.set(enabled);
    }

    public LearnerProgress progress() {
        return progress;
    }

    @Override
    public void close() {
        stop();
    }
}
