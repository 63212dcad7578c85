package dev.autodidact.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.cli.lineage.LineageJson;
import dev.autodidact.cli.lineage.ManifestHistory;
import dev.autodidact.cli.lineage.VersionLineage;
import dev.autodidact.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which data made a checkpoint version: its consumed offset ranges and its ancestry, as one JSON line. */
@Command(
        name = "lineage",
        description = "Print which data made a checkpoint version as one JSON line: its offsets, trained-ahead and "
                + "consumed offset ranges per partition, its chain of parent versions with the records each "
                + "consumed, and whether the chain adds up to the version's offsets (complete).")
public final class LineageCommand implements Callable<Integer> {

    @Option(names = "--version", required = true, paramLabel = "N", description = "The checkpoint version.")
    long version;

    /** Help only: {@code --version} is the checkpoint's, not this tool's. */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = {"--checkpoint-dir", "--checkpoints"},
                paramLabel = "DIR",
                description = "Checkpoint directory holding v0000000042/manifest.json, ... (the learner's "
                        + "checkpoint.dir).")
        Path checkpointDir;

        @Option(
                names = "--bootstrap",
                paramLabel = "HOST:PORT",
                description = "Kafka bootstrap servers: read the manifests from the checkpoints topic instead.")
        String bootstrap;
    }

    @Option(names = "--method", description = "The method whose versions to read (default: the only one found).")
    String method;

    @Option(names = "--client-config", description = "Kafka client properties file (TLS, SASL, ...), with --bootstrap.")
    Path clientConfig;

    @Option(
            names = "--topic-prefix",
            defaultValue = Topics.DEFAULT_PREFIX,
            description = "Topic prefix, with --bootstrap (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "60",
            description = "How long to wait for Kafka, with --bootstrap (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ManifestHistory history;
        try {
            history = source.checkpointDir != null
                    ? ManifestHistory.fromDirectory(source.checkpointDir, method)
                    : ManifestHistory.fromTopic(
                            kafkaProperties(),
                            new Topics(topicPrefix).checkpoints(),
                            method,
                            Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("lineage: " + e.getMessage());
            return 1;
        }
        Optional<VersionLineage> lineage = history.lineage(version);
        if (lineage.isEmpty()) {
            spec.commandLine().getErr().println("lineage: no version " + version + notFoundDetail(history));
            return 1;
        }
        spec.commandLine()
                .getOut()
                .println(new ObjectMapper().writeValueAsString(LineageJson.of(lineage.get(), history.source())));
        return 0;
    }

    private String notFoundDetail(ManifestHistory history) {
        if (history.byVersion().isEmpty()) {
            return ": no checkpoint manifests" + (method == null ? "" : " of " + method) + " in " + history.source();
        }
        return " of " + history.method() + " in " + history.source() + "; versions there: "
                + history.describeVersions();
    }

    private Map<String, Object> kafkaProperties() {
        KafkaOptions kafka = new KafkaOptions();
        kafka.clientConfig = clientConfig;
        Map<String, Object> props = kafka.clientProperties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, source.bootstrap);
        return props;
    }
}
