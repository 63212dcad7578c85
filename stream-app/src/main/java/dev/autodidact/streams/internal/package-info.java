/**
 * Implementation of the stream-app: per-record processors, the dead-letter route and exception handlers shared by all
 * modalities, view recipes per SSL method, metrics and the Kafka Streams properties. Not a public API.
 */
package dev.autodidact.streams.internal;
