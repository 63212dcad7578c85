package dev.autodidact.broker.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft broker sized for a laptop.
 *
 * <p>One node is both broker and controller; every internal topic (consumer offsets, transaction state, share
 * coordinator state) has one partition, replication factor 1 and min ISR 1 (the offsets topic has no min ISR
 * setting of its own; it follows {@code min.insync.replicas=1}), so transactions and consumer groups
 * work on one node. Records up to 16 MiB are accepted and topics are never created implicitly.
 */
public final class BrokerProperties {

    /** The node id of the only node. */
    public static final int NODE_ID = 1;
    /** The largest record batch the broker accepts: 16 MiB, room for 8 MiB checkpoint chunks. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final String HOST = "127.0.0.1";

    private BrokerProperties() {}

    /**
     * Builds the broker configuration.
     *
     * @param logDir the directory for the data and the metadata log
     * @param port the client (PLAINTEXT) port, already resolved (not 0)
     * @param controllerPort the controller port, already resolved (not 0)
     * @param overrides properties that replace the defaults
     * @return the complete broker configuration
     */
    public static Properties build(Path logDir, int port, int controllerPort, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        props.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));

        putInternalTopic(props, "offsets.topic");
        putInternalTopic(props, "transaction.state.log");
        putInternalTopic(props, "share.coordinator.state.topic");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("transaction.state.log.segment.bytes", Integer.toString(16 * 1024 * 1024));

        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));

        props.putAll(overrides);
        return props;
    }

    private static void putInternalTopic(Properties props, String prefix) {
        props.put(prefix + ".num.partitions", "1");
        props.put(prefix + ".replication.factor", "1");
    }
}
