package dev.autodidact.cli;

import dev.autodidact.cli.internal.FeedOrder;
import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.Pipeline;
import dev.autodidact.cli.internal.ProgressLine;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.monitoring.MetricsServer;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Feeds a folder through the real pipeline and trains for a number of steps or seconds. */
@Command(
        name = "pretrain",
        mixinStandardHelpOptions = true,
        description = "Feed every file under --data through the pipeline (embedded broker unless --bootstrap), train, "
                + "and leave the newest checkpoint in --out.")
public final class PretrainCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ServiceOptions service;

    @Option(
            names = "--modality",
            defaultValue = "image",
            description = "Modality: image, or audio to feed the .wav files of --data through the stream-app's audio"
                    + " topology (default: ${DEFAULT-VALUE}).")
    String modality;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--method",
            defaultValue = "simclr",
            completionCandidates = MethodNames.class,
            description = "SSL method: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--data",
            required = true,
            description = "Folder of media files of --modality, flat or <data>/<class>/<file> (zip archives are read"
                    + " too).")
    Path data;

    @Option(
            names = "--order",
            defaultValue = "shuffled",
            description = "Order of each pass over --data: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "shuffled: a new permutation every pass, the same in every run; by-class: class after class "
                    + "(<data>/<class>/...), the hard case for a learner; sorted: the listing order.")
    FeedOrder order;

    String replay;

    @Option(
            names = "--replay-ratio",
            description = "Fraction of each batch drawn from the replay buffer (learner " + "setting "
                    + LearnerConfig.REPLAY_RATIO_CONFIG + "; default: the learner's).")
    Double replayRatio;

    @Option(names = "--steps", description = "Train this many steps.")
    Long steps;

    @Option(names = "--seconds", description = "Train this many seconds (default 300 when --steps is absent).")
    Long seconds;

    @Option(names = "--out", required = true, description = "Directory that receives the checkpoints.")
    Path out;

    @Option(
            names = "--replay",
            completionCandidates = ReplayPolicies.class,
            description = "Replay buffer policy: ${COMPLETION-CANDIDATES} (learner setting "
                    + LearnerConfig.REPLAY_POLICY_CONFIG + "; default: the learner's).")
    void replay(String policy) {
        if (!LearnerConfig.REPLAY_POLICIES.contains(policy)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--replay': '" + policy + "'; expected one of "
                            + LearnerConfig.REPLAY_POLICIES);
        }
        this.replay = policy;
    }

    /** The learner's settings: {@code --set} overrides, then the options of this command over them. */
    Map<String, Object> learnerSettings() {
        Map<String, Object> learner = new HashMap<>(service.settings());
        learner.put(LearnerConfig.MODALITY_CONFIG, modality);
        learner.put(LearnerConfig.METHOD_CONFIG, method);
        learner.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, out.toString());
        learner.putIfAbsent(LearnerConfig.GROUP_ID_CONFIG, "autodidact-pretrain");
        if (steps != null) {
            learner.put(LearnerConfig.MAX_STEPS_CONFIG, steps);
        }
        if (seconds != null || steps == null) {
            learner.put(
                    LearnerConfig.MAX_DURATION_MS_CONFIG,
                    Duration.ofSeconds(seconds == null ? 300 : seconds).toMillis());
        }
        if (replay != null) {
            learner.put(LearnerConfig.REPLAY_POLICY_CONFIG, replay);
        }
        if (replayRatio != null) {
            learner.put(LearnerConfig.REPLAY_RATIO_CONFIG, replayRatio);
        }
        return learner;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> learner = learnerSettings();
        Path state = kafka.workDir != null ? kafka.workDir : Files.createTempDirectory("autodidact-pretrain-");
        long start = System.nanoTime();
        ProgressLine progress = new ProgressLine(System.out);
        try (MetricsServer metrics = MetricsServer.start("pretrain", service.metricsPort);
                KafkaTarget target = KafkaTarget.open(
                        kafka.bootstrap,
                        kafka.clientProperties(),
                        kafka.topicPrefix,
                        kafka.workDir,
                        metrics.registry());
                Pipeline pipeline =
                        new Pipeline(target, data, order, learner, Map.of(), false, state, metrics.registry())) {
            System.out.printf(
                    Locale.ROOT,
                    "pretrain: %d files from %s, %s order, %s on %s%n",
                    pipeline.feeder().files(),
                    data,
                    order,
                    method,
                    target.embedded() ? "an embedded broker" : target.bootstrapServers());
            pipeline.awaitLearner(Duration.ofSeconds(10), progress::print);
            progress.print(pipeline);
        }
        CheckpointManifest m = CheckpointDirectory.read(out)
                .orElseThrow(() -> new IllegalStateException("No checkpoint was written to " + out))
                .manifest();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "pretrain done: checkpoint v%d in %s, step %d, %d samples, %.1f s, " + "%.1f samples/s overall%n",
                m.version(),
                out,
                m.step(),
                m.samplesSeen(),
                elapsed,
                m.samplesSeen() / elapsed);
        return 0;
    }

    /** {@link LearnerConfig#REPLAY_POLICIES}, for {@code --replay}'s help text and shell completion. */
    static final class ReplayPolicies implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LearnerConfig.REPLAY_POLICIES.iterator();
        }
    }
}
