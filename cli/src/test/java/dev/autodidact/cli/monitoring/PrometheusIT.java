package dev.autodidact.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autodidact.cli.BrokerCommand;
import dev.autodidact.cli.ConnectCommand;
import dev.autodidact.cli.MediaSourceFixture;
import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.Pipeline;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.monitoring.MetricsServer;
import dev.autodidact.schema.Modality;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Prometheus side of {@code monitoring/}, against the real {@code prometheus} and {@code promtool} binaries
 * (Debian's {@code prometheus} package; {@code .ci/run} installs it): the configurations and rules pass promtool, and
 * a Prometheus scraping the demo pipeline (job {@code autodidact}, its in-process broker included), a
 * {@code connect} command running the media source against the demo's broker ({@code autodidact-connect}) and a
 * {@code broker} command ({@code autodidact-broker}) finds every target up, evaluates every alert rule without error
 * and returns data for every dashboard query and for the query inside every alert condition
 * ({@link AlertConditions}). Skipped where the binaries are missing.
 */
class PrometheusIT {
    private static final Path SAMPLE = Path.of("..", "data", "sample", "cifar10", "train");
    private static final Duration DATA_TIMEOUT = Duration.ofMinutes(3);
    /** What the Grafana variables in dashboard queries stand for here (scrape interval 1 s). */
    private static final Map<String, String> GRAFANA_VARIABLES =
            Map.of("${__rate_interval}", "1m", "$__rate_interval", "1m", "$__interval", "5s", "$__range", "5m");

    @TempDir
    Path dir;

    @BeforeEach
    void requirePrometheus() {
        for (String binary : List.of("prometheus", "promtool")) {
            Assumptions.assumeTrue(
                    onPath(binary),
                    binary + " is not on the PATH: install Debian's prometheus package "
                            + "(apt-get install prometheus, as .ci/run does) to run PrometheusIT");
        }
    }

    @Test
    void shouldPassPromtoolCheckConfig() throws Exception {
        for (String config : List.of("prometheus.yml", "prometheus-compose.yml")) {
            assertPromtool(
                    "check",
                    "config",
                    MonitoringFiles.PROMETHEUS.resolve(config).toString());
        }
    }

    @Test
    void shouldPassPromtoolCheckRules() throws Exception {
        assertPromtool("check", "rules", MonitoringFiles.ALERTS.toString());
    }

    @Test
    void shouldAnswerEveryDashboardAndAlertQueryWhileTheDemoRuns() throws Exception {
        Map<String, Object> learner = Map.of(
                LearnerConfig.BATCH_SIZE_CONFIG,
                32,
                ImageKit.ENCODER_WIDTHS_CONFIG,
                "8,16",
                LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG,
                5L,
                LearnerConfig.MAX_DURATION_MS_CONFIG,
                600_000L,
                LearnerConfig.CHECKPOINT_DIR_CONFIG,
                dir.resolve("checkpoints").toString());
        try (MetricsServer metrics = MetricsServer.start("demo", 0);
                KafkaTarget kafka = KafkaTarget.open(null, Map.of(), "autodidact.", dir, metrics.registry());
                Pipeline pipeline = new Pipeline(kafka, SAMPLE, learner, Map.of(), true, dir, metrics.registry());
                ConnectCommand.Running connect = startConnect(kafka);
                BrokerCommand.Running broker = startBroker();
                PrometheusProcess prometheus = PrometheusProcess.start(
                        scrapeConfig(Map.of(
                                "autodidact",
                                metrics.port(),
                                "autodidact-connect",
                                connect.metricsPort(),
                                "autodidact-broker",
                                broker.metricsPort())),
                        dir)) {
            sendCorruptRecord(kafka);
            pipeline.publishProbe(SAMPLE.resolveSibling("dev"));
            await("every target up")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertTargetsUp(prometheus));
            Set<String> queries = queries();
            await("data for every query")
                    .atMost(DATA_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(withoutData(prometheus, queries))
                            .as("queries without data (of %d); prometheus log:%n%s", queries.size(), prometheus.log())
                            .isEmpty());
            await("every rule evaluated")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertRulesHealthy(prometheus));
        }
    }

    /** The dashboards' queries with Grafana variables replaced, and the queries inside the alert conditions. */
    private static Set<String> queries() {
        Set<String> out = new LinkedHashSet<>();
        for (String expr : MonitoringFiles.dashboardExpressions()) {
            for (Map.Entry<String, String> v : GRAFANA_VARIABLES.entrySet()) {
                expr = expr.replace(v.getKey(), v.getValue());
            }
            out.add(expr);
        }
        MonitoringFiles.alertExpressions().values().forEach(e -> out.addAll(AlertConditions.queries(e)));
        return out;
    }

    private static List<String> withoutData(PrometheusProcess prometheus, Set<String> queries) {
        List<String> missing = new ArrayList<>();
        for (String q : queries) {
            if (prometheus.query(q).path("result").isEmpty()) {
                missing.add(q);
            }
        }
        return missing;
    }

    private static void assertTargetsUp(PrometheusProcess prometheus) {
        JsonNode targets = prometheus.targets().path("activeTargets");
        assertThat(targets).as("active targets").isNotEmpty();
        targets.forEach(t -> assertThat(t.path("health").asText())
                .as("%s: %s", t.path("scrapeUrl").asText(), t.path("lastError").asText())
                .isEqualTo("up"));
    }

    private static void assertRulesHealthy(PrometheusProcess prometheus) {
        List<String> unhealthy = new ArrayList<>();
        for (JsonNode group : prometheus.rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (!rule.path("health").asText().equals("ok")) {
                    unhealthy.add(rule.path("name").asText() + ": "
                            + rule.path("health").asText() + " "
                            + rule.path("lastError").asText());
                }
            }
        }
        assertThat(unhealthy).isEmpty();
    }

    /** The media source against the demo's broker, on the demo's topics, with one file over its size limit. */
    private ConnectCommand.Running startConnect(KafkaTarget kafka) throws Exception {
        Path connector = MediaSourceFixture.write(dir.resolve("connect"), "media-prometheus-it", 2);
        ConnectCommand command = new ConnectCommand();
        new CommandLine(command)
                .parseArgs(
                        "--bootstrap",
                        kafka.bootstrapServers(),
                        "--metrics-port",
                        "0",
                        "--work-dir",
                        dir.resolve("connect").toString(),
                        connector.toString());
        return command.start();
    }

    /** The broker command, a second broker with its own endpoint. */
    private BrokerCommand.Running startBroker() throws IOException {
        BrokerCommand command = new BrokerCommand();
        new CommandLine(command)
                .parseArgs(
                        "--port",
                        "0",
                        "--metrics-port",
                        "0",
                        "--work-dir",
                        dir.resolve("broker-command").toString());
        return command.start();
    }

    /**
     * The real prometheus.yml, each job scraping the test's port for it every second, with the real alert rules.
     *
     * @param ports the port of each job of prometheus.yml
     */
    private Path scrapeConfig(Map<String, Integer> ports) throws IOException {
        ObjectNode config = (ObjectNode) MonitoringFiles.readYaml(MonitoringFiles.PROMETHEUS.resolve("prometheus.yml"));
        ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s").put("evaluation_interval", "1s");
        config.putArray("rule_files")
                .add(MonitoringFiles.ALERTS.toAbsolutePath().normalize().toString());
        for (JsonNode job : config.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            assertThat(ports).as("a port for job %s of prometheus.yml", name).containsKey(name);
            for (JsonNode statics : job.path("static_configs")) {
                ((ObjectNode) statics).putArray("targets").add("127.0.0.1:" + ports.get(name));
            }
        }
        Path file = dir.resolve("prometheus.yml");
        MonitoringFiles.YAML.writeValue(file.toFile(), config);
        return file;
    }

    /** A truncated JPEG, so that the dead-letter meters (and the queries on them) have data. */
    private static void sendCorruptRecord(KafkaTarget kafka) {
        try (var producer =
                new KafkaProducer<>(kafka.clientProperties(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(kafka.topics().raw(Modality.IMAGE), "prometheus-it-corrupt", new byte[] {
                (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3
            }));
        }
    }

    private static void assertPromtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(p.exitValue())
                    .as("%s:%n%s", String.join(" ", command), output)
                    .isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean onPath(String binary) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, binary))) {
                return true;
            }
        }
        return false;
    }
}
