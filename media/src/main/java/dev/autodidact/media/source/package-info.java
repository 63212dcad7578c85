/**
 * Finding media on disk: {@link dev.autodidact.media.source.MediaFiles} walks a directory tree, in a deterministic
 * order, and yields every image file and every image entry of every zip archive in it, with a stable id and the class
 * label implied by the layout ({@code <root>/<class>/...}). Used by the ingest and pretrain commands and by
 * evaluation on labeled folders.
 */
package dev.autodidact.media.source;
