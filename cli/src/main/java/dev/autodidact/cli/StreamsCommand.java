package dev.autodidact.cli;

import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.Shutdown;
import dev.autodidact.monitoring.MetricsServer;
import dev.autodidact.schema.Modality;
import dev.autodidact.streams.StreamApp;
import dev.autodidact.streams.StreamAppConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the Kafka Streams app: raw media to clean records, training examples and the dead-letter topic. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the stream-app (validate, decode, canonicalise, augment) until Ctrl-C.")
public final class StreamsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        try (MetricsServer metrics = MetricsServer.start("stream-app", service.metricsPort);
             KafkaTarget target = KafkaTarget.open(kafka.bootstrap, kafka.clientProperties(), kafka.topicPrefix,
                     kafka.workDir, metrics.registry())) {
            Map<String, Object> props = target.clientProperties();
            props.put(StreamAppConfig.TOPIC_PREFIX_CONFIG, kafka.topicPrefix);
            props.putAll(service.settings());
            StreamAppConfig config = new StreamAppConfig(props);
            config.getList(StreamAppConfig.METHODS_CONFIG).forEach(m -> target.ensureTopics(Modality.IMAGE, m));
            try (StreamApp app = StreamApp.start(config, metrics.registry())) {
                System.out.println("stream-app running against " + target.bootstrapServers());
                Shutdown.awaitSignal(app::close);
            }
        }
        return 0;
    }
}
