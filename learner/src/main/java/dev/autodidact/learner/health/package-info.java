/**
 * Representation health without labels (std of normalised embeddings, RankMe, alignment, uniformity, drift between
 * versions) and with a few labels (online kNN and linear probes), computed on every checkpoint.
 */
package dev.autodidact.learner.health;
