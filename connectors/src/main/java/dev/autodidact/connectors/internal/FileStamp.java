package dev.autodidact.connectors.internal;

/**
 * What says whether a file changed since it was sent: its modification time and its size. A zip entry carries its
 * archive's modification time and its own uncompressed size.
 *
 * @param lastModified modification time, epoch milliseconds
 * @param size size in bytes, or -1 if unknown
 */
public record FileStamp(long lastModified, long size) {}
