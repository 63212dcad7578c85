/**
 * Implementation of the stream-app: per-record processors, the dead-letter route and exception handlers shared by all
 * modalities, the view recipes of each kind of example the method catalogue names, metrics and the Kafka Streams
 * properties. Not a public API.
 */
package dev.autodidact.streams.internal;
