/**
 * Implementation details of the embedded broker: its default configuration, KRaft storage formatting, port and
 * directory helpers. Not an API; use {@link dev.autodidact.broker.EmbeddedKafkaBroker}.
 */
package dev.autodidact.broker.internal;
