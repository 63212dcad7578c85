package dev.autodidact.connectors.internal;

import dev.autodidact.media.source.MediaFile;
import java.util.Objects;

/**
 * A media file found by a scan, with the stamp it had then.
 *
 * @param file the file, whose bytes are read on demand
 * @param stamp its modification time and size at the scan
 */
public record ScannedFile(MediaFile file, FileStamp stamp) {
    /** Checks that both parts are present. */
    public ScannedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stamp, "stamp");
    }

    /** @return the file's id, e.g. {@code cat/0001.png} or {@code dev/cat.zip!/0001.jpg} */
    public String id() {
        return file.id();
    }
}
