package dev.autodidact.cli;

import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.ServiceSupervisor;
import dev.autodidact.monitoring.MetricsServer;
import dev.autodidact.streams.StreamApp;
import dev.autodidact.streams.StreamAppConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs the Kafka Streams app: raw media to clean records, training examples and the dead-letter topic. Exits 0 on
 * Ctrl-C, non-zero as soon as Kafka Streams reaches ERROR or stops unasked (see {@link ServiceSupervisor}).
 */
@Command(
        name = "streams",
        mixinStandardHelpOptions = true,
        description = "Run the stream-app (validate, decode, canonicalise, augment) until Ctrl-C.")
public final class StreamsCommand implements Callable<Integer> {
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        try (MetricsServer metrics = MetricsServer.start("stream-app", service.metricsPort);
                KafkaTarget target = KafkaTarget.open(
                        kafka.bootstrap,
                        kafka.clientProperties(),
                        kafka.topicPrefix,
                        kafka.workDir,
                        metrics.registry())) {
            Map<String, Object> props = target.clientProperties();
            props.put(StreamAppConfig.TOPIC_PREFIX_CONFIG, kafka.topicPrefix);
            props.putAll(service.settings());
            StreamAppConfig config = new StreamAppConfig(props);
            config.methods().forEach(m -> target.ensureTopics(config.modality(), m));
            try (StreamApp app = StreamApp.start(config, metrics.registry())) {
                System.out.println("stream-app running against " + target.bootstrapServers());
                CountDownLatch stopping = new CountDownLatch(1);
                return new ServiceSupervisor("stream-app", metrics.registry()).run(() -> watch(app, stopping), () -> {
                    stopping.countDown();
                    app.close();
                });
            }
        }
    }

    /** Returns once {@code stopping}; throws as soon as Kafka Streams has stopped or failed without being asked to. */
    static void watch(StreamApp app, CountDownLatch stopping) {
        try {
            while (!stopping.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                KafkaStreams.State state = app.state();
                if (state == KafkaStreams.State.ERROR
                        || state == KafkaStreams.State.PENDING_ERROR
                        || state == KafkaStreams.State.NOT_RUNNING
                        || state == KafkaStreams.State.PENDING_SHUTDOWN) {
                    throw new IllegalStateException("Kafka Streams is " + state + " although no stop was requested");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
