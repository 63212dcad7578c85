package dev.autodidact.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Binds the built-in metrics of Kafka clients to a registry, as Micrometer meters named {@code kafka.<group>.<name>}
 * and tagged with {@code client.id} and {@code kafka.version}; closing the binder removes them all.
 *
 * <p>The methods have distinct names, so a caller without Kafka Streams on its class path can bind a producer or a
 * consumer. Bind each client once, after creating it, and close the returned binder when the client closes before
 * this one does.
 */
public final class KafkaMetricsBinder implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Runnable> closers = new ArrayList<>();

    /**
     * @param registry the registry the meters go to, typically {@link MetricsServer#registry()}
     */
    public KafkaMetricsBinder(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param producer a producer
     * @return the binder of its meters, closed with this one at the latest
     */
    public synchronized KafkaClientMetrics bindProducer(Producer<?, ?> producer) {
        return register(new KafkaClientMetrics(producer));
    }

    /**
     * @param consumer a consumer
     * @return the binder of its meters, closed with this one at the latest
     */
    public synchronized KafkaClientMetrics bindConsumer(Consumer<?, ?> consumer) {
        return register(new KafkaClientMetrics(consumer));
    }

    /**
     * @param streams a Kafka Streams instance, started or not
     * @return the binder of its meters (those of its embedded clients included), closed with this one at the latest
     */
    public synchronized KafkaStreamsMetrics bindStreams(KafkaStreams streams) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        closers.add(metrics::close);
        return metrics;
    }

    private KafkaClientMetrics register(KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        closers.add(metrics::close);
        return metrics;
    }

    /** Closes every binder: their meters leave the registry and their refresh threads stop. */
    @Override
    public synchronized void close() {
        closers.forEach(Runnable::run);
        closers.clear();
    }
}
