package dev.autodidact.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboards under {@code monitoring/grafana/dashboards} are valid Grafana provisioning: a recent schema, unique
 * panel ids, the provisioned Prometheus datasource, PromQL in every target; and the compose file mounts them where
 * the dashboard provider looks.
 */
class GrafanaDashboardsTest {
    private static final int MIN_SCHEMA_VERSION = 36;
    /** The Grafana variables PrometheusIT knows how to replace; a dashboard defines no variables of its own. */
    private static final Set<String> BUILT_IN_VARIABLES = Set.of("__rate_interval", "__interval", "__range");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");

    private final Map<String, JsonNode> dashboards = MonitoringFiles.dashboards();

    @Test
    void shouldProvideThePipelineLearnerAndHealthDashboards() {
        assertThat(dashboards).containsKeys("pipeline.json", "learner.json", "health.json");
    }

    @Test
    void shouldUseARecentSchemaAndUniqueUids() {
        Set<String> uids = new HashSet<>();
        dashboards.forEach((file, d) -> {
            assertThat(d.path("schemaVersion").asInt())
                    .as("%s schemaVersion", file)
                    .isGreaterThanOrEqualTo(MIN_SCHEMA_VERSION);
            assertThat(d.path("title").asText()).as("%s title", file).isNotBlank();
            assertThat(d.path("uid").asText()).as("%s uid", file).isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(uids.add(d.path("uid").asText()))
                    .as("%s uid %s is unique", file, d.path("uid"))
                    .isTrue();
            assertThat(d.has("id") && !d.get("id").isNull())
                    .as("%s has no fixed database id", file)
                    .isFalse();
        });
    }

    @Test
    void shouldGiveEveryPanelAUniqueIdAndAPlace() {
        dashboards.forEach((file, d) -> {
            List<JsonNode> panels = MonitoringFiles.panels(d);
            assertThat(panels).as("%s panels", file).isNotEmpty();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode p : panels) {
                assertThat(p.path("id").isInt())
                        .as("%s panel '%s' has an integer id", file, p.path("title"))
                        .isTrue();
                assertThat(ids.add(p.path("id").asInt()))
                        .as("%s panel id %s is unique", file, p.path("id"))
                        .isTrue();
                JsonNode pos = p.path("gridPos");
                assertThat(pos.path("w").asInt() > 0
                                && pos.path("h").asInt() > 0
                                && pos.path("x").asInt() + pos.path("w").asInt() <= 24)
                        .as("%s panel %s gridPos %s", file, p.path("id"), pos)
                        .isTrue();
            }
        });
    }

    @Test
    void shouldQueryTheProvisionedDatasourceWithPromQlInEveryTarget() {
        String uid = MonitoringFiles.datasourceUid();
        assertThat(uid).isEqualTo("autodidact-prometheus");
        dashboards.forEach((file, d) -> {
            for (JsonNode p : MonitoringFiles.panels(d)) {
                if (p.path("type").asText().equals("row")) {
                    continue;
                }
                String where =
                        file + " panel " + p.path("id") + " '" + p.path("title").asText() + "'";
                assertThat(p.path("datasource").path("uid").asText())
                        .as("%s datasource", where)
                        .isEqualTo(uid);
                assertThat(p.path("targets")).as("%s targets", where).isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode t : p.path("targets")) {
                    assertThat(t.path("expr").asText()).as("%s expr", where).isNotBlank();
                    assertThat(refIds.add(t.path("refId").asText()))
                            .as("%s refId %s", where, t.path("refId"))
                            .isTrue();
                    if (t.has("datasource")) {
                        assertThat(t.path("datasource").path("uid").asText())
                                .as("%s target datasource", where)
                                .isEqualTo(uid);
                    }
                }
            }
        });
    }

    @Test
    void shouldUseNoVariablesButGrafanasBuiltIns() {
        List<String> unknown = new ArrayList<>();
        for (String expr : MonitoringFiles.dashboardExpressions()) {
            Matcher m = VARIABLE.matcher(expr);
            while (m.find()) {
                if (!BUILT_IN_VARIABLES.contains(m.group(1))) {
                    unknown.add(m.group() + " in " + expr);
                }
            }
        }
        assertThat(unknown).isEmpty();
        dashboards.forEach((file, d) ->
                assertThat(d.path("templating").path("list")).as(file).isEmpty());
    }

    @Test
    void shouldBeMountedWhereTheDashboardProviderLooks() {
        JsonNode provider = MonitoringFiles.readYaml(
                        MonitoringFiles.PROVISIONING.resolve("dashboards").resolve("dashboards.yml"))
                .path("providers")
                .get(0);
        String path = provider.path("options").path("path").asText();
        List<String> mounts = new ArrayList<>();
        MonitoringFiles.readYaml(MonitoringFiles.COMPOSE)
                .path("services")
                .path("grafana")
                .path("volumes")
                .forEach(v -> mounts.add(v.asText()));
        assertThat(mounts).contains("./monitoring/grafana/dashboards:" + path + ":ro");
        assertThat(mounts).anyMatch(m -> m.startsWith("./monitoring/grafana/provisioning/datasources:"));
        assertThat(mounts).anyMatch(m -> m.startsWith("./monitoring/grafana/provisioning/dashboards:"));
    }
}
