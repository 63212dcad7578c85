/**
 * Plumbing shared by the commands: Kafka target selection, the in-process pipeline, feeding files, progress, service
 * supervision (a service whose work thread ends unasked ends its command non-zero), the
 * in-process Kafka Connect worker.
 */
package dev.autodidact.cli.internal;
