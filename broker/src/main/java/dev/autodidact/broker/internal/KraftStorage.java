package dev.autodidact.broker.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the KRaft storage of a broker, the in-process equivalent of {@code kafka-storage.sh format
 * --ignore-formatted}: the first start writes {@code meta.properties} and the bootstrap checkpoint, later starts on
 * the same directories leave them as they are.
 */
public final class KraftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {}

    /**
     * Formats the log directories named by {@code props} unless they are formatted already.
     *
     * @param props the broker configuration
     * @param configFile where the configuration is written for the storage tool
     * @throws IOException if the configuration cannot be written
     * @throws IllegalStateException if the storage tool fails
     */
    public static void formatIfNeeded(Properties props, Path configFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(configFile)) {
            props.store(out, "autodidact embedded broker");
        }
        String clusterId =
                existingClusterId(props).orElseGet(() -> Uuid.randomUuid().toString());
        String[] args = {"format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"};
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Formatting KRaft storage failed: " + e.getMessage() + "\n"
                            + captured.toString(StandardCharsets.UTF_8),
                    e);
        }
        String output = captured.toString(StandardCharsets.UTF_8).strip();
        if (rc != 0) {
            throw new IllegalStateException("Formatting KRaft storage failed (exit " + rc + "): " + output);
        }
        LOG.debug("Storage tool: {}", output);
    }

    /**
     * Reads the cluster id a previous format wrote; the storage tool refuses a different one even with
     * {@code --ignore-formatted}.
     */
    private static Optional<String> existingClusterId(Properties props) throws IOException {
        for (String dir : props.getProperty("log.dirs").split(",")) {
            Path metaFile = Path.of(dir.strip(), "meta.properties");
            if (Files.isRegularFile(metaFile)) {
                Properties meta = new Properties();
                try (InputStream in = Files.newInputStream(metaFile)) {
                    meta.load(in);
                }
                return Optional.ofNullable(meta.getProperty("cluster.id"));
            }
        }
        return Optional.empty();
    }
}
