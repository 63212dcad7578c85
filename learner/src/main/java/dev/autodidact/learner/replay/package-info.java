/**
 * Replay for a stream that never repeats itself on cue: a buffer of clean inputs, bounded in bytes, kept by one of
 * three policies ({@code fifo}, {@code reservoir}, {@code minred}), from which a share of every batch is drawn and
 * re-augmented with the stream-app's own media code, so a replayed input is a new view. The buffer travels in the
 * checkpoint (section {@code replay}).
 */
package dev.autodidact.learner.replay;
