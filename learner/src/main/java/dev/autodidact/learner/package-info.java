/**
 * The learner: consumes training examples without end, updates an encoder with one self-supervised method, and
 * publishes versioned checkpoints in one transaction with the offsets it trained on.
 */
package dev.autodidact.learner;
