package dev.autodidact.learner.train;

/** Outcome of one training step: its loss, whether the update was applied, and timings. */
public record StepResult(long step, float loss, boolean applied, int samples, float learningRate, long computeNanos) {}
