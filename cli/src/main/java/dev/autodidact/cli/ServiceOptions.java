package dev.autodidact.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every service command shares: the metrics port and free-form config overrides. */
public final class ServiceOptions {
    @Option(
            names = "--metrics-port",
            defaultValue = "9464",
            description =
                    "Port of the Prometheus /metrics endpoint; 0 for any free port, -1 for none (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(
            names = "--set",
            description = "Service config override, key=value (repeatable), e.g. --set batch.size=128.")
    Map<String, String> settings = new HashMap<>();

    Map<String, Object> settings() {
        return new HashMap<>(settings);
    }
}
