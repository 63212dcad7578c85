package dev.autodidact.cli.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
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
 * A Kafka Connect standalone worker in this JVM, wired as Kafka's {@code ConnectStandalone} wires one (plugins,
 * {@link StandaloneConfig}, client override policy, {@link FileOffsetBackingStore} with the schemaless JSON
 * converter, {@link Worker}, {@link StandaloneHerder}) but without the REST server and without exiting the JVM on a
 * failure: connectors come from properties files, and closing stops them. Defaults suit autodidact's source
 * connector; the worker configuration given replaces them key by key.
 */
public final class ConnectWorker implements AutoCloseable {
    /** Worker settings used unless the configuration sets them. */
    public static final Map<String, String> DEFAULTS = Map.of(
            WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter",
            WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.converters.ByteArrayConverter",
            WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "10000",
            // Every plugin on the class path ships a ServiceLoader manifest; scanning the whole class path
            // (DJL, PyTorch) reflectively would take far longer.
            WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");

    private final StandaloneHerder herder;

    private ConnectWorker(StandaloneHerder herder) {
        this.herder = herder;
    }

    /**
     * Starts the worker.
     *
     * @param workerId the worker's id, its metrics' {@code client.id}
     * @param settings the worker configuration: {@code bootstrap.servers} and
     *     {@code offset.storage.file.filename} at least, over {@link #DEFAULTS}
     * @return the running worker, with no connectors yet
     */
    public static ConnectWorker start(String workerId, Map<String, String> settings) {
        Map<String, String> props = new HashMap<>(DEFAULTS);
        props.putAll(settings);
        Plugins plugins = new Plugins(props);
        try (LoaderSwap swap = plugins.withClassLoader(plugins.delegatingLoader())) {
            StandaloneConfig config = new StandaloneConfig(props);
            ConnectorClientConfigOverridePolicy policy = plugins.newPlugin(
                    config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG),
                    config,
                    ConnectorClientConfigOverridePolicy.class);
            FileOffsetBackingStore offsets = new FileOffsetBackingStore(plugins.newInternalConverter(
                    true, "org.apache.kafka.connect.json.JsonConverter", Map.of("schemas.enable", "false")));
            offsets.configure(config);
            Worker worker = new Worker(workerId, Time.SYSTEM, plugins, config, offsets, policy);
            StandaloneHerder herder = new StandaloneHerder(worker, config.kafkaClusterId(), policy);
            herder.start();
            return new ConnectWorker(herder);
        }
    }

    /**
     * Creates (or replaces) a connector and waits until the herder has accepted it.
     *
     * @param props the connector configuration, {@code name} and {@code connector.class} included
     * @param timeout how long to wait
     * @throws Exception if the configuration is invalid or the herder does not answer in time
     */
    public void createConnector(Map<String, String> props, Duration timeout) throws Exception {
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        herder.putConnectorConfig(props.get("name"), props, true, created);
        created.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param name a connector's name
     * @return the states of the connector and its tasks, e.g. RUNNING or FAILED with a trace
     */
    public ConnectorStateInfo status(String name) {
        return herder.connectorStatus(name);
    }

    /** Stops connectors and tasks (committing their offsets), the worker, its metrics and the offset store. */
    @Override
    public void close() {
        herder.stop();
    }
}
