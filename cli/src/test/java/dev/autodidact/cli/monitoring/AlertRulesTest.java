package dev.autodidact.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code monitoring/prometheus/alerts.yml} holds the alert groups the services need, each rule complete, and
 * {@link AlertConditions} finds the queries PrometheusIT checks for data.
 */
class AlertRulesTest {

    @Test
    void shouldDefineTheAlertGroups() {
        List<String> groups = new ArrayList<>();
        MonitoringFiles.readYaml(MonitoringFiles.ALERTS)
                .path("groups")
                .forEach(g -> groups.add(g.path("name").asText()));
        assertThat(groups)
                .contains(
                        "autodidact-learner-stalled",
                        "autodidact-loss-non-finite",
                        "autodidact-collapse",
                        "autodidact-consumer-lag",
                        "autodidact-dead-letter",
                        "autodidact-kafka");
    }

    @Test
    void shouldGiveEveryRuleADurationSeverityAndSummary() {
        for (JsonNode group : MonitoringFiles.readYaml(MonitoringFiles.ALERTS).path("groups")) {
            assertThat(group.path("rules")).as(group.path("name").asText()).isNotEmpty();
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertThat(name).as("alert name in %s", group.path("name")).startsWith("Autodidact");
                assertThat(rule.path("for").asText()).as("%s for", name).matches("\\d+[smh]");
                assertThat(rule.path("labels").path("severity").asText())
                        .as("%s severity", name)
                        .isIn("warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText())
                        .as("%s summary", name)
                        .isNotBlank();
            }
        }
    }

    @Test
    void shouldCompareEveryAlertQueryWithAThreshold() {
        MonitoringFiles.alertExpressions().forEach((name, expr) -> {
            List<String> queries = AlertConditions.queries(expr);
            assertThat(queries)
                    .as(name)
                    .isNotEmpty()
                    .allSatisfy(q -> assertThat(q).isNotBlank());
            assertThat(queries)
                    .as("%s: every part of %s is a comparison", name, expr)
                    .noneMatch(q -> q.equals(expr.trim()));
        });
    }

    @Test
    void shouldKeepTheLeftSideOfTheTopLevelComparison() {
        assertThat(AlertConditions.queries("sum(rate(a_total[5m])) / sum(rate(b_total[5m])) > 0.05"))
                .containsExactly("sum(rate(a_total[5m])) / sum(rate(b_total[5m]))");
        assertThat(AlertConditions.queries("up{job=\"x\"} == 0")).containsExactly("up{job=\"x\"}");
        assertThat(AlertConditions.queries("x > bool 1")).containsExactly("x");
    }

    @Test
    void shouldSplitAtSetOperatorsOutsideBracketsAndWords() {
        assertThat(AlertConditions.queries("loss != loss or abs(loss) == +Inf")).containsExactly("loss", "abs(loss)");
        assertThat(AlertConditions.queries("deriv(records_lag_max[10m]) > 0 and on (client_id) records_lag_max > 1000"))
                .containsExactly("deriv(records_lag_max[10m])", "records_lag_max");
        assertThat(AlertConditions.queries("x{reason=\"a or b > c\"} > 1")).containsExactly("x{reason=\"a or b > c\"}");
        assertThat(AlertConditions.queries("max by (instance) (x > 1)")).containsExactly("max by (instance) (x > 1)");
    }
}
