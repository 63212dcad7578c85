package dev.autodidact.cli.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files under {@code monitoring/} that the monitoring tests check: Grafana dashboards and provisioning, Prometheus
 * configurations and alert rules. Paths are relative to the {@code cli} module, the tests' working directory.
 */
final class MonitoringFiles {
    static final Path ROOT = Path.of("..", "monitoring");
    static final Path PROMETHEUS = ROOT.resolve("prometheus");
    static final Path ALERTS = PROMETHEUS.resolve("alerts.yml");
    static final Path DASHBOARDS = ROOT.resolve("grafana").resolve("dashboards");
    static final Path PROVISIONING = ROOT.resolve("grafana").resolve("provisioning");
    static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MonitoringFiles() {}

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    /** @return every {@code *.json} under the dashboards folder, by file name, parsed */
    static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .forEach(f -> out.put(f.getFileName().toString(), readJson(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** @return the panels of a dashboard, those nested in rows included */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            out.add(panel);
            panel.path("panels").forEach(out::add);
        }
        return out;
    }

    /** @return the PromQL of every target of every panel of every dashboard, as written (Grafana variables kept) */
    static List<String> dashboardExpressions() {
        List<String> out = new ArrayList<>();
        dashboards()
                .values()
                .forEach(d -> panels(d)
                        .forEach(p -> p.path("targets")
                                .forEach(t -> out.add(t.path("expr").asText()))));
        return out;
    }

    /** @return the uid of the one Prometheus datasource Grafana provisions */
    static String datasourceUid() {
        JsonNode sources = readYaml(PROVISIONING.resolve("datasources").resolve("prometheus.yml"))
                .path("datasources");
        if (sources.size() != 1) {
            throw new IllegalStateException("Expected one provisioned datasource, found " + sources.size());
        }
        return sources.get(0).path("uid").asText();
    }

    /** @return alert name to expression, for every rule of {@code alerts.yml} */
    static Map<String, String> alertExpressions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode group : readYaml(ALERTS).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                out.put(
                        rule.path("alert").asText(rule.path("record").asText()),
                        rule.path("expr").asText());
            }
        }
        return out;
    }
}
