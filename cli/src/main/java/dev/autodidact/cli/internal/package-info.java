/** Plumbing shared by the commands: Kafka target selection, the in-process pipeline, feeding files, progress. */
package dev.autodidact.cli.internal;
