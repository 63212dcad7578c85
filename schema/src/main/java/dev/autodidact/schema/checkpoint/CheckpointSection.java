package dev.autodidact.schema.checkpoint;

/** One named part of a checkpoint payload, e.g. {@code encoder}, {@code head}, {@code optimizer}, {@code method}. */
public record CheckpointSection(String name, long offset, long length, String sha256) {}
