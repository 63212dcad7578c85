package dev.autodidact.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A private Yammer registry with metrics named as a Kafka broker names them, bound to a SimpleMeterRegistry. */
class YammerMetricsBinderTest {

    private final MetricsRegistry yammer = new MetricsRegistry();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void shutdown() {
        yammer.shutdown();
    }

    @Test
    void shouldBindMetersAsCountersGaugesAsGaugesAndTimersWithoutQuantiles() {
        yammer.newMeter(
                        name("kafka.server", "BrokerTopicMetrics", "MessagesInPerSec", ""),
                        "messages",
                        TimeUnit.SECONDS)
                .mark(5);
        gauge(name("kafka.server", "ReplicaManager", "UnderReplicatedPartitions", ""), 2);
        yammer.newTimer(
                        name("kafka.log", "LogFlushStats", "LogFlushRateAndTimeMs", ""),
                        TimeUnit.MILLISECONDS,
                        TimeUnit.SECONDS)
                .update(1500, TimeUnit.MILLISECONDS);

        try (YammerMetricsBinder binder = YammerMetricsBinder.forBroker(yammer)) {
            binder.bindTo(registry);

            assertThat(registry.get("kafka.server.brokertopicmetrics.messagesin")
                            .functionCounter()
                            .count())
                    .isEqualTo(5.0);
            assertThat(registry.get("kafka.server.replicamanager.underreplicatedpartitions")
                            .gauge()
                            .value())
                    .isEqualTo(2.0);
            FunctionTimer flush =
                    registry.get("kafka.log.logflushstats.logflushrateandtime").functionTimer();
            assertThat(flush.count()).isEqualTo(1.0);
            assertThat(flush.totalTime(TimeUnit.SECONDS)).isEqualTo(1.5);
        }
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void shouldFollowMetricsAddedAndRemovedAfterBinding() {
        try (YammerMetricsBinder binder = YammerMetricsBinder.forBroker(yammer)) {
            binder.bindTo(registry);
            MetricName active = name("kafka.controller", "KafkaController", "ActiveControllerCount", "");
            gauge(active, 1);

            assertThat(registry.get("kafka.controller.kafkacontroller.activecontrollercount")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);

            yammer.removeMetric(active);

            assertThat(meterNames()).isEmpty();
        }
    }

    @Test
    void shouldTagByMBeanKeysAndLeaveOutPerTopicAndDetailedRequestMetrics() {
        yammer.newMeter(
                        name("kafka.network", "RequestMetrics", "RequestsPerSec", ",request=Produce,version=11"),
                        "requests",
                        TimeUnit.SECONDS)
                .mark();
        yammer.newHistogram(name("kafka.network", "RequestMetrics", "TotalTimeMs", ",request=Produce"), true)
                .update(20);
        yammer.newHistogram(name("kafka.network", "RequestMetrics", "LocalTimeMs", ",request=Produce"), true)
                .update(3);
        yammer.newHistogram(name("kafka.server", "BrokerMetadataListener", "MetadataBatchSizes", ""), true)
                .update(3);
        yammer.newMeter(
                        name("kafka.server", "BrokerTopicMetrics", "BytesInPerSec", ",topic=raw"),
                        "bytes",
                        TimeUnit.SECONDS)
                .mark(100);
        gauge(name("kafka.log", "Log", "Size", ",topic=raw,partition=0"), 100);
        gauge(name("kafka.utils", "Throttler", "cleaner-io", ""), 1);
        gauge(name("kafka.log", "LogManager", "LogDirectoryOffline", ",logDirectory=\"/tmp/a b\""), 0);

        try (YammerMetricsBinder binder = YammerMetricsBinder.forBroker(yammer)) {
            binder.bindTo(registry);

            assertThat(meterNames())
                    .containsExactlyInAnyOrder(
                            "kafka.network.requestmetrics.requests",
                            "kafka.network.requestmetrics.totaltime",
                            "kafka.log.logmanager.logdirectoryoffline");
            assertThat(registry.get("kafka.network.requestmetrics.requests")
                            .tags("request", "Produce", "version", "11")
                            .functionCounter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get("kafka.network.requestmetrics.totaltime")
                            .tag("request", "Produce")
                            .functionTimer()
                            .totalTime(TimeUnit.MILLISECONDS))
                    .isEqualTo(20.0);
            assertThat(registry.get("kafka.log.logmanager.logdirectoryoffline")
                            .tag("logDirectory", "/tmp/a b")
                            .gauge())
                    .isNotNull();
        }
    }

    @Test
    void shouldPreferTheMetricWithMoreTagsUnderOneName() {
        gauge(name("kafka.network", "RequestChannel", "ResponseQueueSize", ""), 5);
        gauge(name("kafka.network", "RequestChannel", "ResponseQueueSize", ",processor=0"), 2);
        gauge(name("kafka.server", "KafkaServer", "ClusterId", ""), "not a number");

        try (YammerMetricsBinder binder = YammerMetricsBinder.forBroker(yammer)) {
            binder.bindTo(registry);

            assertThat(registry.get("kafka.network.requestchannel.responsequeuesize")
                            .meters())
                    .singleElement()
                    .satisfies(m -> assertThat(m.getId().getTag("processor")).isEqualTo("0"));
            assertThat(binder.size()).isEqualTo(1);
        }
    }

    @Test
    void shouldBindOneSourceToTwoRegistriesIndependently() {
        gauge(name("kafka.server", "ReplicaManager", "PartitionCount", ""), 7);
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        YammerMetricsBinder first = YammerMetricsBinder.forBroker(yammer);
        try (YammerMetricsBinder second = YammerMetricsBinder.forBroker(yammer)) {
            first.bindTo(registry);
            second.bindTo(other);

            first.close();

            assertThat(registry.getMeters()).isEmpty();
            assertThat(other.get("kafka.server.replicamanager.partitioncount")
                            .gauge()
                            .value())
                    .isEqualTo(7.0);
        }
    }

    /** A name as Kafka's KafkaMetricsGroup builds it: group, type, name and the MBean name with the tags. */
    private static MetricName name(String group, String type, String name, String tags) {
        return new MetricName(group, type, name, null, group + ":type=" + type + ",name=" + name + tags);
    }

    private void gauge(MetricName name, Object value) {
        yammer.newGauge(name, new Gauge<>() {
            @Override
            public Object value() {
                return value;
            }
        });
    }

    private List<String> meterNames() {
        return registry.getMeters().stream()
                .map(Meter::getId)
                .map(Meter.Id::getName)
                .toList();
    }
}
