/**
 * Kafka Connect plugins that bring media into autodidact's raw topics.
 *
 * <p>{@link dev.autodidact.connectors.MediaDirectorySourceConnector} watches a directory (zip archives included) and
 * publishes every new or changed media file to {@code <prefix>raw.<modality>} in the same shape as the {@code ingest}
 * command: key = file id, value = the file's bytes, headers {@code content-type}, {@code source} and
 * {@code event-time}. Connect source offsets remember what was sent, so a restarted worker sends only what is new or
 * modified since.
 *
 * <p>Departure from {@code DESIGN.md} (connectors depend on schema only): the connector also depends on {@code media}
 * for its directory walker ({@code MediaFiles}), so that the ids, the order, the content types and the zip handling
 * are the very ones the ingest and pretrain commands use, rather than a copy that would drift. {@code media} is plain
 * Java without dependencies, so the plugin directory only gains one small jar.
 */
package dev.autodidact.connectors;
