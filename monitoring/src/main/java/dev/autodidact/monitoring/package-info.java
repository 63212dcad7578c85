/**
 * The Micrometer registry and Prometheus {@code /metrics} endpoint every autodidact service starts.
 *
 * <p>{@link dev.autodidact.monitoring.MetricsServer} owns a Prometheus registry with JVM and process meters and a
 * {@code service} tag; {@link dev.autodidact.monitoring.KafkaMetricsBinder} adds the metrics of Kafka producers,
 * consumers and Streams instances to it. Components that Kafka configures from properties (brokers, Connect workers
 * and their clients) report into a registry through {@link dev.autodidact.monitoring.MicrometerMetricsReporter}
 * ({@code metric.reporters}), and {@link dev.autodidact.monitoring.YammerMetricsBinder} adds the Yammer metrics a
 * broker keeps besides. Meter names use dot notation with the {@code autodidact.} prefix and base
 * units, so Prometheus gets {@code _seconds}, {@code _bytes} and {@code _total} suffixes.
 */
package dev.autodidact.monitoring;
