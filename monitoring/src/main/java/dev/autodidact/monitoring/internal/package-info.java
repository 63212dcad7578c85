/**
 * How the metrics of other systems become Micrometer meters: Kafka's {@code KafkaMetric}s
 * ({@link dev.autodidact.monitoring.internal.KafkaMetricMirror}) and Yammer metrics
 * ({@link dev.autodidact.monitoring.internal.YammerMeters}), registered with one set of tag keys per meter name
 * ({@link dev.autodidact.monitoring.internal.TagConsistentMeters}), and the registries that reporters Kafka creates by
 * class name find through their configuration ({@link dev.autodidact.monitoring.internal.SharedRegistries}).
 */
package dev.autodidact.monitoring.internal;
