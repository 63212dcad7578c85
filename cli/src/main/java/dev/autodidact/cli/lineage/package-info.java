/**
 * Which data made a checkpoint version: its manifest's offset ranges, followed back through its parents, with a check
 * that the ranges of the whole chain add up to the version's offsets and trained-ahead offsets.
 */
package dev.autodidact.cli.lineage;
