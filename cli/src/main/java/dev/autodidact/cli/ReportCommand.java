package dev.autodidact.cli;

import dev.autodidact.cli.report.EmbeddingMap;
import dev.autodidact.cli.report.ReportChart;
import dev.autodidact.cli.report.ReportData;
import dev.autodidact.cli.report.ReportWriter;
import dev.autodidact.cli.report.XAxis;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.checkpoint.CheckpointFollower;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointSeal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** An HTML page and PNGs of the training curves in the checkpoint manifests, plus a map of labeled embeddings. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report (and PNGs) of loss, probe accuracy, health and throughput "
                + "over the checkpoint versions, from a checkpoint directory or the checkpoints topic.")
public final class ReportCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = "--checkpoints",
                description = "Checkpoint directory holding v0000000042/manifest.json, "
                        + "... (the learner's checkpoint.dir, or a demo's <work-dir>/checkpoints).")
        Path checkpoints;

        @Option(
                names = "--bootstrap",
                description = "Kafka bootstrap servers: read the manifests from the " + "checkpoints topic instead.")
        String bootstrap;
    }

    @Option(names = "--client-config", description = "Kafka client properties file (TLS, SASL, ...), with --bootstrap.")
    Path clientConfig;

    @Option(
            names = "--method",
            defaultValue = "simclr",
            completionCandidates = MethodNames.class,
            description = "With --bootstrap and --labels: the method whose newest checkpoint draws the map, one of "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--topic-prefix",
            defaultValue = Topics.DEFAULT_PREFIX,
            description = "Topic prefix, with --bootstrap (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--out", defaultValue = "report.html", description = "The HTML page (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--png-dir", description = "Where the PNGs go (default: the HTML page's directory).")
    Path pngDir;

    @Option(
            names = "--labels",
            description = "Labeled images <DIR>/<class>/<file> (or <class>.zip): embed them "
                    + "with the newest checkpoint and draw a 2-D map coloured by class.")
    Path labels;

    @Option(
            names = "--map-images",
            defaultValue = "2000",
            description = "At most this many labeled images on the map, evenly spaced (default: ${DEFAULT-VALUE}).")
    int mapImages;

    @Option(
            names = "--x",
            defaultValue = "STEP",
            description = "Horizontal axis of the curves: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    XAxis axis;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "60",
            description = "How long to wait for Kafka, with --bootstrap (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        String topic = new Topics(topicPrefix).checkpoints();
        ReportData data = source.checkpoints != null
                ? ReportData.fromDirectory(source.checkpoints)
                : ReportData.fromTopic(kafkaProperties(), topic, timeout);
        if (data.isEmpty()) {
            System.err.println("report: no checkpoint manifests in " + data.source());
            return 1;
        }
        Optional<ReportChart> map = Optional.empty();
        if (labels != null) {
            map = Optional.of(EmbeddingMap.compute(newestCheckpoint(topic, timeout), labels, mapImages)
                    .chart());
        }
        Path html = out.toAbsolutePath();
        Path pngs = pngDir != null ? pngDir : html.getParent();
        ReportWriter.Result result = ReportWriter.write(data, axis, map, html, pngs);
        System.out.printf(
                Locale.ROOT,
                "report: %d versions from %s; wrote %s and %d PNGs in %s%n",
                data.manifests().size(),
                data.source(),
                result.html(),
                result.pngs().size(),
                pngs);
        if (!result.missing().isEmpty()) {
            System.out.println("report: not drawn: "
                    + result.missing().stream()
                            .map(c -> c.id() + " (" + c.missing() + ")")
                            .collect(Collectors.joining(", ")));
        }
        return 0;
    }

    private Checkpoint newestCheckpoint(String topic, Duration timeout) {
        if (source.checkpoints != null) {
            return CheckpointDirectory.read(source.checkpoints)
                    .orElseThrow(() -> new IllegalArgumentException("No checkpoint in " + source.checkpoints));
        }
        try (CheckpointFollower follower = new CheckpointFollower(
                kafkaProperties(),
                new Topics(topicPrefix),
                method,
                CheckpointSeal.unkeyed(),
                new SimpleMeterRegistry(),
                (r, s, reason, e) -> {})) {
            return follower.catchUp(timeout)
                    .orElseThrow(() -> new IllegalArgumentException("No complete checkpoint on " + topic));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Map<String, Object> kafkaProperties() {
        KafkaOptions kafka = new KafkaOptions();
        kafka.clientConfig = clientConfig;
        Map<String, Object> props = kafka.clientProperties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, source.bootstrap);
        return props;
    }
}
