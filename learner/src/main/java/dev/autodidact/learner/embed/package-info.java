/**
 * Turning images into vectors with a checkpoint's encoder, and the embedder service that publishes them, re-embedding
 * the compacted clean topic when a new version lands.
 */
package dev.autodidact.learner.embed;
