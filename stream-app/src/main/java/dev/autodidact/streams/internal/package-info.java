/**
 * Implementation of the stream-app: per-record processors, the dead-letter route and exception handlers shared by all
 * modalities, the mapping from each kind of example the method catalogue names to a view recipe of {@code media}
 * and the examples made with it, metrics and the Kafka Streams properties. Not a public API.
 */
package dev.autodidact.streams.internal;
