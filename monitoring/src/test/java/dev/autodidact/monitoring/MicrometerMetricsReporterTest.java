package dev.autodidact.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Kafka {@link Metrics} object reporting through the reporter into a SimpleMeterRegistry. */
class MicrometerMetricsReporterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MicrometerMetricsReporter.SharedRegistry shared;
    private Metrics metrics;

    @BeforeEach
    void startMetrics() {
        shared = MicrometerMetricsReporter.share(registry);
        metrics = newMetrics(shared.reporterConfig());
    }

    @AfterEach
    void closeMetrics() {
        metrics.close();
        shared.close();
    }

    @Test
    void shouldMirrorCumulativeTotalsAsCountersAndOtherStatsAsGauges() {
        Sensor sensor = metrics.sensor("records");
        sensor.add(name("records-total", "source-task-metrics", "connector", "c1", "task", "0"), new CumulativeSum());
        sensor.add(name("records-seen", "source-task-metrics", "connector", "c1", "task", "0"), new CumulativeCount());
        sensor.add(name("records-last", "source-task-metrics", "connector", "c1", "task", "0"), new Value());
        sensor.add(name("records-rate", "source-task-metrics", "connector", "c1", "task", "0"), new Rate());

        sensor.record(2);
        sensor.record(5);

        FunctionCounter total = find("kafka.source.task.records.total")
                .tags("connector", "c1", "task", "0")
                .functionCounter();
        assertThat(total.count()).isEqualTo(7.0);
        assertThat(total.getId().getTag("kafka.version")).isNotBlank().isNotEqualTo("unknown");
        assertThat(find("kafka.source.task.records.seen").functionCounter().count())
                .isEqualTo(2.0);
        assertThat(find("kafka.source.task.records.last").gauge().value()).isEqualTo(5.0);
        assertThat(find("kafka.source.task.records.rate").gauge().value()).isPositive();
    }

    @Test
    void shouldMirrorPluginGaugesNamedTotalAsCounters() {
        long[] skipped = {0};
        metrics.addMetric(
                name("oversized-files-skipped-total", "plugins", "connector", "c1", "task", "0"),
                (org.apache.kafka.common.metrics.Gauge<Long>) (config, now) -> skipped[0]);
        metrics.addMetric(
                name("tracked-files", "plugins", "connector", "c1", "task", "0"),
                (org.apache.kafka.common.metrics.Gauge<Integer>) (config, now) -> 3);

        skipped[0] = 1;

        assertThat(find("kafka.plugins.oversized.files.skipped.total")
                        .functionCounter()
                        .count())
                .isEqualTo(1.0);
        assertThat(find("kafka.plugins.tracked.files").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void shouldFollowMetricsAddedReplacedAndRemovedAfterInit() {
        MetricName queue = name("queue-size", "test-metrics", "client-id", "a");
        metrics.addMetric(queue, (org.apache.kafka.common.metrics.Gauge<Integer>) (config, now) -> 4);
        assertThat(find("kafka.test.queue.size").gauge().value()).isEqualTo(4.0);

        metrics.removeMetric(queue);
        assertThat(registry.find("kafka.test.queue.size").meters()).isEmpty();

        metrics.addMetric(queue, (org.apache.kafka.common.metrics.Gauge<Integer>) (config, now) -> 9);
        assertThat(find("kafka.test.queue.size").gauge().value()).isEqualTo(9.0);

        metrics.removeMetric(queue);
        assertThat(registry.find("kafka.test.queue.size").meters()).isEmpty();
    }

    @Test
    void shouldSkipNonNumericAndUnreadableMetricsAndKafkasOwnBookkeeping() {
        metrics.addMetric(
                name("status", "connector-task-metrics", "connector", "c1", "task", "0"),
                (org.apache.kafka.common.metrics.Gauge<String>) (config, now) -> "running");
        metrics.addMetric(name("version", "app-info", "client-id", "x"), (org.apache.kafka.common.metrics.Gauge<String>)
                (config, now) -> "4.4.0");
        metrics.addMetric(
                name("not-started", "connector-task-metrics", "connector", "c1", "task", "0"),
                (org.apache.kafka.common.metrics.Gauge<String>) (config, now) -> {
                    throw new NullPointerException("no state yet");
                });

        assertThat(meterNames()).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheMostSpecificTagKeysOfOneName() {
        MetricName overall = name("records-lag-max", "consumer-fetch-manager-metrics", "client-id", "c");
        MetricName perPartition = name(
                "records-lag-max", "consumer-fetch-manager-metrics", "client-id", "c", "topic", "t", "partition", "0");
        metrics.addMetric(overall, (org.apache.kafka.common.metrics.Gauge<Integer>) (config, now) -> 10);
        metrics.addMetric(perPartition, (org.apache.kafka.common.metrics.Gauge<Integer>) (config, now) -> 7);

        Collection<Meter> meters =
                registry.find("kafka.consumer.fetch.manager.records.lag.max").meters();
        assertThat(meters)
                .singleElement()
                .satisfies(m -> assertThat(m.getId().getTag("partition")).isEqualTo("0"));

        metrics.removeMetric(perPartition);

        assertThat(find("kafka.consumer.fetch.manager.records.lag.max").gauge().value())
                .isEqualTo(10.0);
    }

    @Test
    void shouldRemoveEveryMeterWhenTheMetricsClose() {
        metrics.sensor("s").add(name("x-total", "test-metrics"), new CumulativeSum());
        assertThat(meterNames()).contains("kafka.test.x.total");

        metrics.close();

        assertThat(meterNames()).isEmpty();
    }

    @Test
    void shouldRefuseARegistryNameNothingIsSharedUnder() {
        MicrometerMetricsReporter reporter = new MicrometerMetricsReporter();

        assertThatThrownBy(() -> reporter.configure(Map.of(MicrometerMetricsReporterConfig.REGISTRY_CONFIG, "none")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("none");
        assertThatThrownBy(() -> reporter.configure(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("exactly one of");
    }

    @Test
    void shouldServeItsOwnEndpointSharedByReportersOfOnePort() throws Exception {
        Map<String, String> config = Map.of(
                "metric.reporters",
                MicrometerMetricsReporter.METRIC_REPORTERS,
                MicrometerMetricsReporterConfig.PORT_CONFIG,
                "0",
                MicrometerMetricsReporterConfig.SERVICE_CONFIG,
                "connect");
        try (Metrics worker = newMetrics(config);
                Metrics producer = newMetrics(config)) {
            worker.sensor("w").add(name("task-count", "connect-worker-metrics"), new Value());
            worker.sensor("w").record(2);
            producer.sensor("p")
                    .add(name("record-send-total", "producer-metrics", "client-id", "p1"), new CumulativeCount());
            int port = MicrometerMetricsReporter.endpointPort(0);
            assertThat(port).isPositive();

            String scrape = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();

            assertThat(scrape)
                    .contains("kafka_connect_worker_task_count{kafka_version=")
                    .contains("kafka_producer_record_send_total{client_id=\"p1\"")
                    .contains("service=\"connect\"");
        }
        assertThat(MicrometerMetricsReporter.endpointPort(0)).isEqualTo(-1);
    }

    private static Metrics newMetrics(Map<String, String> config) {
        MicrometerMetricsReporter reporter = new MicrometerMetricsReporter();
        reporter.configure(config);
        return new Metrics(new MetricConfig(), List.of(reporter), Time.SYSTEM);
    }

    private MetricName name(String name, String group, String... tags) {
        return metrics.metricName(name, group, "", tags);
    }

    private RequiredSearch find(String name) {
        return registry.get(name);
    }

    private List<String> meterNames() {
        return registry.getMeters().stream()
                .map(Meter::getId)
                .map(Meter.Id::getName)
                .toList();
    }
}
