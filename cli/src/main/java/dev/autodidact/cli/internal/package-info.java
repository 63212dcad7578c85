/**
 * Plumbing shared by the commands: Kafka target selection, the in-process pipeline, feeding files, progress, the
 * in-process Kafka Connect worker.
 */
package dev.autodidact.cli.internal;
