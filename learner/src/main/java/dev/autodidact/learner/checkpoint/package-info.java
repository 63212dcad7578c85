/**
 * Publishing checkpoints to the {@code checkpoints} topic in one transaction with the consumed offsets, mirroring them
 * to a local directory, and reading the newest one back from either.
 */
package dev.autodidact.learner.checkpoint;
