package dev.autodidact.media.source;

import java.io.IOException;
import java.util.Objects;

/**
 * One media file found under a root directory: a plain file, or an entry of a zip archive.
 *
 * @param id stable identity: {@code relativePath}, or {@code relativePath + "!/" + entryName} for a zip entry
 * @param relativePath path of the file on disk relative to the root, {@code /}-separated (the archive for an entry)
 * @param entryName name of the entry inside the archive, or {@code null} for a plain file
 * @param label class label implied by the layout (rules in {@link MediaFiles}), or {@code null} for an image
 *     directly in the root
 * @param contentType MIME type from the extension, e.g. {@code "image/jpeg"}
 * @param size size in bytes (uncompressed for an entry), or -1 if unknown
 * @param source the bytes, read on demand
 */
public record MediaFile(
        String id,
        String relativePath,
        String entryName,
        String label,
        String contentType,
        long size,
        ByteSource source) {
    /** Checks that the required components are present. */
    public MediaFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(source, "source");
    }

    /** @return whether this is an entry of a zip archive */
    public boolean inArchive() {
        return entryName != null;
    }

    /**
     * @return all the bytes of this file
     * @throws IOException if they cannot be read
     */
    public byte[] readAllBytes() throws IOException {
        return source.readAllBytes();
    }
}
