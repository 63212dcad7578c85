package dev.autodidact.cli;

import dev.autodidact.schema.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where Kafka is: {@code --bootstrap} plus client properties from a file, or an embedded broker when absent. */
public final class KafkaOptions {
    @Option(names = "--bootstrap", description = "Kafka bootstrap servers; without it an embedded broker is started.")
    String bootstrap;

    @Option(names = "--client-config", description = "Kafka client properties file (TLS, SASL, ...).")
    Path clientConfig;

    @Option(
            names = "--topic-prefix",
            defaultValue = Topics.DEFAULT_PREFIX,
            description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(
            names = "--work-dir",
            description = "Directory for the embedded broker's data and state; default: a temporary one.")
    Path workDir;

    /** Client properties from {@code --client-config}, as strings. */
    Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        if (clientConfig != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(clientConfig)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read client config " + clientConfig, e);
            }
            p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
        }
        return props;
    }
}
