package dev.autodidact.streams;

import dev.autodidact.monitoring.KafkaMetricsBinder;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.TopicAdmin;
import dev.autodidact.schema.TopicSpec;
import dev.autodidact.streams.internal.Outcome;
import dev.autodidact.streams.internal.PoisonRecords;
import dev.autodidact.streams.internal.StartupLatch;
import dev.autodidact.streams.internal.StreamsProperties;
import dev.autodidact.streams.internal.ThreadReplacingHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running stream-app: creates the topics it needs, builds the topology of the configured modality
 * ({@link ImageTopology} or {@link AudioTopology}), binds the Kafka Streams metrics, starts
 * Kafka Streams with exactly-once processing and returns once it is RUNNING. A stream thread that dies is replaced,
 * so the service keeps running, and a record that killed {@code poison.max.failures} threads goes to the dead-letter
 * topic instead of being replayed forever (one {@link PoisonRecords} shared by the topology and the handlers);
 * {@link #close()} stops it.
 *
 * <pre>{@code
 * StreamAppConfig config = new StreamAppConfig(Map.of("bootstrap.servers", "localhost:9092"));
 * try (StreamApp app = StreamApp.start(config, metrics.registry())) {
 *     ... // until shutdown
 * }
 * }</pre>
 */
public final class StreamApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaMetricsBinder metrics;

    private StreamApp(KafkaStreams streams, KafkaMetricsBinder metrics) {
        this.streams = streams;
        this.metrics = metrics;
    }

    /**
     * Creates missing topics, starts Kafka Streams and waits until it runs.
     *
     * @param config the settings
     * @param registry where stream, handler and Kafka Streams meters go
     * @return the running app; close it to stop
     * @throws KafkaException if the topics cannot be listed or created
     * @throws IllegalStateException if Kafka Streams does not reach RUNNING within {@code startup.timeout.ms}
     */
    public static StreamApp start(StreamAppConfig config, MeterRegistry registry) {
        return start(config, registry, UnaryOperator.identity());
    }

    /**
     * As {@link #start(StreamAppConfig, MeterRegistry)}, with the image decode processor decorated (a test seam; the
     * audio topology takes no decoration).
     */
    static StreamApp start(
            StreamAppConfig config,
            MeterRegistry registry,
            UnaryOperator<FixedKeyProcessor<String, byte[], Outcome<CleanImage>>> decorateDecode) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(registry, "registry");
        createTopics(config);
        PoisonRecords poison = new PoisonRecords(config.poisonMaxFailures());
        StreamsBuilder builder = new StreamsBuilder();
        if (config.modality() == Modality.AUDIO) {
            AudioTopology.addTo(builder, config, registry, poison);
        } else {
            ImageTopology.addTo(builder, config, registry, poison, decorateDecode);
        }
        Topology topology = builder.build();
        LOG.debug("Stream-app topology:\n{}", topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.build(config, registry, poison));
        StartupLatch latch = new StartupLatch();
        streams.setStateListener(latch);
        streams.setUncaughtExceptionHandler(new ThreadReplacingHandler(registry, poison));
        KafkaMetricsBinder metrics = new KafkaMetricsBinder(registry);
        StreamApp app = new StreamApp(streams, metrics);
        try {
            metrics.bindStreams(streams);
            streams.start();
            latch.awaitRunning(streams, config.startupTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
            throw new IllegalStateException("Interrupted while starting the stream-app", e);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        LOG.info(
                "Stream-app {} running: {} -> {}, methods {}",
                config.applicationId(),
                config.topics().raw(config.modality()),
                config.topics().clean(config.modality()),
                config.methods());
        return app;
    }

    /**
     * The Kafka Streams properties the app runs with, for tests and tools that run the topology themselves.
     *
     * @param config the settings
     * @param registry where the exception handlers count dead-lettered records
     * @return a new properties object
     */
    public static Properties streamsProperties(StreamAppConfig config, MeterRegistry registry) {
        return StreamsProperties.build(config, registry);
    }

    /** @return the current Kafka Streams state */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops Kafka Streams (waiting up to 30 s for the threads to finish) and removes its meters. */
    @Override
    public void close() {
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("Kafka Streams did not stop within {}", CLOSE_TIMEOUT);
        }
        metrics.close();
    }

    private static void createTopics(StreamAppConfig config) {
        Set<TopicSpec> specs = new LinkedHashSet<>();
        config.methods().forEach(method -> specs.addAll(config.topics().pipeline(config.modality(), method)));
        try (Admin admin = Admin.create(StreamsProperties.admin(config))) {
            TopicAdmin.ensure(admin, specs);
        } catch (KafkaException e) {
            throw new KafkaException(
                    "Cannot create the stream-app topics on " + config.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }
}
