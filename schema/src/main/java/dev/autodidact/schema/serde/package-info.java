/**
 * Kafka serdes for the record types in {@link dev.autodidact.schema}. Binary formats carry a magic byte and a format
 * version so that a reader rejects what it does not understand instead of misreading it.
 */
package dev.autodidact.schema.serde;
