/** Optimizers whose state can be saved into and restored from checkpoints, and step-based schedules. */
package dev.autodidact.learner.optim;
