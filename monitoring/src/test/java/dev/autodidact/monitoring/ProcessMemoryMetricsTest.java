package dev.autodidact.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.condition.OS.LINUX;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;

/** Reads the resident set size from {@code /proc}. */
@EnabledOnOs(LINUX)
class ProcessMemoryMetricsTest {

    @Test
    void shouldReportResidentMemoryInBytesBetweenHeapUsedAndOneTerabyte() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ProcessMemoryMetrics().bindTo(registry);

        Gauge gauge = registry.get(ProcessMemoryMetrics.RESIDENT_MEMORY).gauge();
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();

        assertThat(gauge.getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(gauge.value()).isGreaterThan(heapUsed / 2.0).isLessThan(1e12);
    }
}
