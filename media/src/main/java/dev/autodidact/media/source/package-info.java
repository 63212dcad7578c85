/**
 * Finding media on disk: {@link dev.autodidact.media.source.MediaFiles} walks a directory tree, in a deterministic
 * order, and yields every file of one {@link dev.autodidact.media.source.MediaKind} (images or WAV recordings) and
 * every such entry of every zip archive in it, with a stable id and the class
 * label implied by the layout ({@code <root>/<class>/...}). Used by the ingest and pretrain commands and by
 * evaluation on labeled folders. Walks stay inside the root (links leading out are skipped) and read zip archives
 * within {@link dev.autodidact.media.source.ZipLimits}; what they leave out goes to a
 * {@link dev.autodidact.media.source.SkipListener}.
 */
package dev.autodidact.media.source;
