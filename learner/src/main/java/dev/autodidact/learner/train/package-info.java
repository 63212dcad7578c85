/**
 * The unbounded, step-based training loop: batches assembled from Kafka records with the offsets they end at, one
 * scoped NDManager per step, and listeners for side effects.
 */
package dev.autodidact.learner.train;
