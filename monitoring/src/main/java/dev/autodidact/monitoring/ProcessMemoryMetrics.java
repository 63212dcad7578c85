package dev.autodidact.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The resident set size of this process, read from {@code /proc/self/status} ({@code VmRSS}) at each scrape.
 *
 * <p>Registers the gauge {@code autodidact.process.resident.memory} in bytes (Prometheus:
 * {@code autodidact_process_resident_memory_bytes}); where {@code /proc} is missing (not Linux) nothing is
 * registered. Native memory held by PyTorch through DJL shows here and not in the JVM heap meters.
 */
public final class ProcessMemoryMetrics implements MeterBinder {

    /** The gauge's name. */
    public static final String RESIDENT_MEMORY = "autodidact.process.resident.memory";

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        if (residentBytes().isEmpty()) {
            return;
        }
        Gauge.builder(RESIDENT_MEMORY, () -> {
                    OptionalLong bytes = residentBytes();
                    return bytes.isPresent() ? bytes.getAsLong() : Double.NaN;
                })
                .description("Resident set size of the process (VmRSS)")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }

    /**
     * Reads the resident set size now.
     *
     * @return the resident set size in bytes, or empty where {@code /proc/self/status} cannot be read
     */
    public static OptionalLong residentBytes() {
        List<String> lines;
        try {
            lines = Files.readAllLines(STATUS, StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
