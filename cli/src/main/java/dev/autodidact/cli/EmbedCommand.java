package dev.autodidact.cli;

import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.ServiceSupervisor;
import dev.autodidact.learner.embed.Embedder;
import dev.autodidact.learner.embed.EmbedderConfig;
import dev.autodidact.monitoring.MetricsServer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs the embedder: clean records in, embeddings of the newest checkpoint out. Exits 0 on Ctrl-C, non-zero as soon as
 * the embedder's thread ends by itself (see {@link ServiceSupervisor}).
 */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description = "Embed the clean topic with the newest checkpoint and publish embeddings until Ctrl-C.")
public final class EmbedCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        try (MetricsServer metrics = MetricsServer.start("embedder", service.metricsPort);
                KafkaTarget target = KafkaTarget.open(
                        kafka.bootstrap,
                        kafka.clientProperties(),
                        kafka.topicPrefix,
                        kafka.workDir,
                        metrics.registry())) {
            Map<String, Object> props = target.clientProperties();
            props.put(EmbedderConfig.TOPIC_PREFIX_CONFIG, kafka.topicPrefix);
            props.putAll(service.settings());
            Embedder embedder = new Embedder(new EmbedderConfig(props), metrics.registry());
            return new ServiceSupervisor("embedder", metrics.registry()).run(embedder::run, embedder::stop);
        }
    }
}
