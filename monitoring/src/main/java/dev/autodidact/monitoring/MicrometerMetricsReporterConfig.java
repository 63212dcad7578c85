package dev.autodidact.monitoring;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link MicrometerMetricsReporter}, read from the configuration of the Kafka component that creates it
 * (a broker's, a Connect worker's or a client's properties). Exactly one of {@code autodidact.metrics.registry} and
 * {@code autodidact.metrics.port} must be set.
 */
public final class MicrometerMetricsReporterConfig extends AbstractConfig {

    public static final String REGISTRY_CONFIG = "autodidact.metrics.registry";
    private static final String REGISTRY_DOC = "Name of a registry shared in this JVM through "
            + "MicrometerMetricsReporter.share(...): the in-process mode, for a broker or worker embedded in an "
            + "autodidact service.";

    public static final String PORT_CONFIG = "autodidact.metrics.port";
    private static final String PORT_DOC = "Port of a Prometheus /metrics endpoint the reporter starts (with JVM "
            + "and process meters), shared by every reporter in the JVM configured with the same port and stopped with "
            + "the last: the mode for an external Kafka Connect worker or broker. 0 picks a free port.";

    public static final String SERVICE_CONFIG = "autodidact.metrics.service";
    public static final String SERVICE_DEFAULT = "kafka";
    private static final String SERVICE_DOC =
            "Value of the 'service' tag of the endpoint started for " + PORT_CONFIG + ", e.g. 'connect'.";

    /** The definition every key above is parsed and documented from. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(REGISTRY_CONFIG, Type.STRING, null, Importance.HIGH, REGISTRY_DOC)
            .define(
                    PORT_CONFIG,
                    Type.INT,
                    null,
                    optional(ConfigDef.Range.between(0, 65_535)),
                    Importance.HIGH,
                    PORT_DOC)
            .define(
                    SERVICE_CONFIG,
                    Type.STRING,
                    SERVICE_DEFAULT,
                    new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM,
                    SERVICE_DOC);

    /**
     * @param props the Kafka component's configuration; keys other than the ones above are ignored
     * @throws ConfigException if neither or both of the registry name and the port are set
     */
    public MicrometerMetricsReporterConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props, false);
        if (registryName().isPresent() == port().isPresent()) {
            throw new ConfigException("MicrometerMetricsReporter needs exactly one of " + REGISTRY_CONFIG + " and "
                    + PORT_CONFIG + "; got " + REGISTRY_CONFIG + "=" + getString(REGISTRY_CONFIG) + ", " + PORT_CONFIG
                    + "=" + getInt(PORT_CONFIG));
        }
    }

    private static ConfigDef.Validator optional(ConfigDef.Validator validator) {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    if (value != null) {
                        validator.ensureValid(name, value);
                    }
                },
                () -> "null or " + validator);
    }

    /** @return the name of the shared registry to use, if set */
    public Optional<String> registryName() {
        String name = getString(REGISTRY_CONFIG);
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
    }

    /** @return the port of the endpoint to start, if set */
    public Optional<Integer> port() {
        return Optional.ofNullable(getInt(PORT_CONFIG));
    }

    /** @return the {@code service} tag of a started endpoint */
    public String service() {
        return getString(SERVICE_CONFIG);
    }
}
