package dev.autodidact.cli.internal;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.TopicAdmin;
import dev.autodidact.schema.TopicSpec;
import dev.autodidact.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka cluster a command talks to: an existing one given by bootstrap servers, or an embedded single-node KRaft
 * broker started here (and stopped on close).
 */
public final class KafkaTarget implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;
    private final Map<String, Object> clientProperties;
    private final Topics topics;

    private KafkaTarget(EmbeddedKafkaBroker broker, String bootstrap, Map<String, Object> extra, String prefix) {
        this.broker = broker;
        this.clientProperties = new HashMap<>(extra);
        clientProperties.put("bootstrap.servers", bootstrap);
        this.topics = new Topics(prefix);
    }

    /** Uses {@code bootstrap} if given, else starts an embedded broker in {@code workDir} (temporary when null). */
    public static KafkaTarget open(String bootstrap, Map<String, Object> extra, String prefix, Path workDir) {
        return open(bootstrap, extra, prefix, workDir, null);
    }

    /**
     * Uses {@code bootstrap} if given, else starts an embedded broker in {@code workDir} (temporary when null) whose
     * metrics go to {@code registry} (none when null).
     */
    public static KafkaTarget open(
            String bootstrap, Map<String, Object> extra, String prefix, Path workDir, MeterRegistry registry) {
        if (bootstrap != null && !bootstrap.isBlank()) {
            return new KafkaTarget(null, bootstrap, extra, prefix);
        }
        EmbeddedKafkaBroker.Builder b = EmbeddedKafkaBroker.builder();
        if (workDir != null) {
            b.workDir(workDir.resolve("kafka"));
        }
        if (registry != null) {
            b.meterRegistry(registry);
        }
        EmbeddedKafkaBroker broker = b.build().start();
        return new KafkaTarget(broker, broker.bootstrapServers(), extra, prefix);
    }

    public String bootstrapServers() {
        return (String) clientProperties.get("bootstrap.servers");
    }

    /** Bootstrap servers and any extra client settings, to merge into a service config. */
    public Map<String, Object> clientProperties() {
        return new HashMap<>(clientProperties);
    }

    public Topics topics() {
        return topics;
    }

    public boolean embedded() {
        return broker != null;
    }

    /** Creates the topics one modality and method need. */
    public void ensureTopics(Modality modality, String method) {
        try (Admin admin = Admin.create(clientProperties)) {
            TopicAdmin.ensure(admin, topics.pipeline(modality, method));
        }
    }

    /**
     * Creates one of the modality's pipeline topics (raw, clean, probe, ...) with its settings if it is missing.
     *
     * @throws IllegalArgumentException if {@code topic} is none of them
     */
    public void ensureTopic(Modality modality, String topic) {
        List<TopicSpec> spec = topics.pipeline(modality, "none").stream()
                .filter(t -> t.name().equals(topic))
                .toList();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException(topic + " is not a pipeline topic of " + modality.id());
        }
        try (Admin admin = Admin.create(clientProperties)) {
            TopicAdmin.ensure(admin, spec);
        }
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
