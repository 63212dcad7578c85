package dev.autodidact.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.Pipeline;
import dev.autodidact.cli.internal.ProgressLine;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.LearnerProgress;
import dev.autodidact.monitoring.MetricsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything in one JVM on the bundled sample: broker, stream-app, learner, embedder; then a kNN summary. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run broker, stream-app, learner and embedder in one JVM on the bundled sample images, then "
                + "compare kNN accuracy of the newest checkpoint with a random-init encoder.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service;

    @Option(names = "--seconds", defaultValue = "120", description = "Training time (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(
            names = "--data",
            description = "Labeled sample root holding train/ and dev/ (default: the bundled sample).")
    Path data;

    @Option(
            names = "--work-dir",
            description = "Where broker data, streams state and checkpoints go (default: temporary).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        Path sample =
                data != null ? data : Path.of(System.getProperty("autodidact.home", "."), "data", "sample", "cifar10");
        Path work = workDir != null ? workDir : Files.createTempDirectory("autodidact-demo-");
        Path checkpoints = work.resolve("checkpoints");
        Map<String, Object> learner = new HashMap<>(service.settings());
        learner.put(
                LearnerConfig.MAX_DURATION_MS_CONFIG,
                Duration.ofSeconds(seconds).toMillis());
        learner.put(LearnerConfig.CHECKPOINT_DIR_CONFIG, checkpoints.toString());
        learner.putIfAbsent(LearnerConfig.CHECKPOINT_INTERVAL_MS_CONFIG, 30_000L);
        ProgressLine progress = new ProgressLine(System.out);
        LearnerProgress last;
        long embedded;
        try (MetricsServer metrics = MetricsServer.start("demo", service.metricsPort);
                KafkaTarget kafka = KafkaTarget.open(null, Map.of(), "autodidact.", work, metrics.registry());
                Pipeline pipeline = new Pipeline(
                        kafka, sample.resolve("train"), learner, Map.of(), true, work, metrics.registry())) {
            long probe = pipeline.publishProbe(sample.resolve("dev"));
            System.out.printf(
                    Locale.ROOT,
                    "demo: broker %s, %d sample images (%d labeled on the probe topic), "
                            + "metrics on %s, work dir %s%n",
                    kafka.bootstrapServers(),
                    pipeline.feeder().files(),
                    probe,
                    metrics.port() < 0 ? "(off)" : "http://localhost:" + metrics.port() + "/metrics",
                    work);
            pipeline.awaitLearner(Duration.ofSeconds(5), progress::print);
            last = pipeline.learner().progress();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (pipeline.embedder().modelVersion() < last.version() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            progress.print(pipeline);
            embedded = pipeline.embedder().published();
        }
        Map<String, Object> eval =
                EvalCommand.evaluate(checkpoints, sample.resolve("train"), sample.resolve("dev"), 20, 0.07);
        System.out.printf(
                Locale.ROOT,
                "%nSummary: %d steps, %d samples, newest checkpoint v%d, %d embeddings published%n",
                last.step(),
                last.samplesSeen(),
                last.version(),
                embedded);
        System.out.printf(
                Locale.ROOT,
                "kNN top-1 on the bundled sample (k=20): trained %.3f | random-init %.3f | "
                        + "raw pixels %.3f | linear probe %.3f%n",
                eval.get("knn_top1"),
                eval.get("random_init_knn_top1"),
                eval.get("raw_knn_top1"),
                eval.get("linear_top1"));
        System.out.println(new ObjectMapper().writeValueAsString(eval));
        return 0;
    }
}
