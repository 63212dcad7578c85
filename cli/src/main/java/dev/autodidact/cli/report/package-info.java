/**
 * The training report: checkpoint manifests read from a checkpoint directory or the {@code checkpoints} topic, one
 * JFreeChart line chart per metric over the versions, an optional 2-D map of labeled embeddings, and one
 * self-contained HTML page that embeds the same PNGs.
 */
package dev.autodidact.cli.report;
