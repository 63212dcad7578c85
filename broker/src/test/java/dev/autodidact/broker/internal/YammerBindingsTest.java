package dev.autodidact.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.MetricName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two brokers reporting into one registry share one binding of Kafka's JVM-global Yammer registry. */
class YammerBindingsTest {

    private static final String METER = "kafka.server.replicamanager.yammerbindingstest";
    private static final MetricName NAME = new MetricName(
            "kafka.server",
            "ReplicaManager",
            "YammerBindingsTest",
            null,
            "kafka.server:type=ReplicaManager,name=YammerBindingsTest");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void removeGauge() {
        KafkaYammerMetrics.defaultRegistry().removeMetric(NAME);
    }

    @Test
    void shouldKeepTheMetersUntilTheLastBrokerOnARegistryReleasesIt() {
        KafkaYammerMetrics.defaultRegistry().newGauge(NAME, new Gauge<Integer>() {
            @Override
            public Integer value() {
                return 3;
            }
        });
        YammerBindings.Binding first = YammerBindings.bind(registry);
        YammerBindings.Binding second = YammerBindings.bind(registry);
        assertThat(registry.get(METER).gauges()).hasSize(1);

        first.close();
        first.close();
        assertThat(registry.get(METER).gauge().value()).isEqualTo(3.0);

        second.close();
        assertThat(registry.find(METER).meters()).isEmpty();
    }
}
