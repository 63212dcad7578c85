package dev.autodidact.cli;

import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.ServiceSupervisor;
import dev.autodidact.learner.Learner;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.monitoring.MetricsServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the learner service without end (or to --steps/--seconds), publishing checkpoints. Exits 0 when stopped or
 * done, non-zero as soon as training fails (see {@link ServiceSupervisor}).
 */
@Command(
        name = "learn",
        mixinStandardHelpOptions = true,
        description = "Train on the examples topic, publishing versioned checkpoints; resumes from the newest one.")
public final class LearnCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ServiceOptions service;

    @Option(
            names = "--method",
            defaultValue = "simclr",
            completionCandidates = MethodNames.class,
            description = "SSL method: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--checkpoint-dir", description = "Local mirror of published checkpoints.")
    Path checkpointDir;

    @Option(names = "--steps", description = "Stop after this many steps in total.")
    Long steps;

    @Option(names = "--seconds", description = "Stop after training this long.")
    Long seconds;

    @Override
    public Integer call() throws Exception {
        try (MetricsServer metrics = MetricsServer.start("learner", service.metricsPort);
                KafkaTarget target = KafkaTarget.open(
                        kafka.bootstrap,
                        kafka.clientProperties(),
                        kafka.topicPrefix,
                        kafka.workDir,
                        metrics.registry())) {
            Map<String, Object> props = target.clientProperties();
            props.put(LearnerConfig.TOPIC_PREFIX_CONFIG, kafka.topicPrefix);
            props.put(LearnerConfig.METHOD_CONFIG, method);
            if (checkpointDir != null) {
                props.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, checkpointDir.toString());
            }
            if (steps != null) {
                props.put(LearnerConfig.MAX_STEPS_CONFIG, steps);
            }
            if (seconds != null) {
                props.put(LearnerConfig.MAX_DURATION_MS_CONFIG, seconds * 1000);
            }
            props.putAll(service.settings());
            LearnerConfig config = new LearnerConfig(props);
            target.ensureTopics(config.modality(), config.method());
            Learner learner = new Learner(config, metrics.registry());
            return new ServiceSupervisor("learner", metrics.registry()).run(learner::run, learner::stop, true);
        }
    }
}
