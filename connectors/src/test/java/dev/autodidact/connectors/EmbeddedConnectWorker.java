package dev.autodidact.connectors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.LoaderSwap;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real standalone Kafka Connect worker inside the test JVM, wired the way Kafka 4.4's {@code ConnectStandalone}
 * wires one (plugins, {@link StandaloneConfig}, client override policy, {@link FileOffsetBackingStore} with the
 * schemaless JSON converter, {@link Worker}, {@link StandaloneHerder}) but without the REST server and without
 * {@code Exit} on failure. Plugins are found on the class path through their {@code META-INF/services} manifests.
 * Offsets are flushed to {@code offsetsFile} every 100 ms and at shutdown, so a second worker on the same file
 * resumes where the first one stopped.
 */
final class EmbeddedConnectWorker implements AutoCloseable {
    private final StandaloneHerder herder;

    private EmbeddedConnectWorker(StandaloneHerder herder) {
        this.herder = herder;
    }

    static EmbeddedConnectWorker start(String bootstrapServers, Path offsetsFile) {
        Map<String, String> props = Map.of(
                WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter",
                WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.converters.ByteArrayConverter",
                StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, offsetsFile.toString(),
                WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "100",
                WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        Plugins plugins = new Plugins(props);
        try (LoaderSwap swap = plugins.withClassLoader(plugins.delegatingLoader())) {
            StandaloneConfig config = new StandaloneConfig(props);
            ConnectorClientConfigOverridePolicy policy = plugins.newPlugin(
                    config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG),
                    config,
                    ConnectorClientConfigOverridePolicy.class);
            FileOffsetBackingStore offsets = new FileOffsetBackingStore(plugins.newInternalConverter(
                    true, JsonConverter.class.getName(), Map.of("schemas.enable", "false")));
            offsets.configure(config);
            Worker worker = new Worker("autodidact-it-worker", Time.SYSTEM, plugins, config, offsets, policy);
            StandaloneHerder herder = new StandaloneHerder(worker, config.kafkaClusterId(), policy);
            herder.start();
            return new EmbeddedConnectWorker(herder);
        }
    }

    /** Creates a connector and waits until the herder has accepted it. */
    void createConnector(Map<String, String> props, Duration timeout) throws Exception {
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        herder.putConnectorConfig(props.get("name"), props, false, created);
        created.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the connector's and its tasks' states, e.g. RUNNING or FAILED with a trace */
    ConnectorStateInfo status(String name) {
        return herder.connectorStatus(name);
    }

    /** Stops connectors and tasks (committing their offsets), the worker and the offset store. */
    @Override
    public void close() {
        herder.stop();
    }
}
