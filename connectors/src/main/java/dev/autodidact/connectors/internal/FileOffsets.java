package dev.autodidact.connectors.internal;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The Connect source partitions and offsets of the directory source. Each file is its own source partition,
 * {@code {directory, file}}, whose offset is the stamp it was last sent with, {@code {last.modified, size}}: a few
 * dozen bytes per file, and a restarted task looks up only the files it finds.
 */
public final class FileOffsets {
    public static final String DIRECTORY_KEY = "directory";
    public static final String FILE_KEY = "file";
    public static final String LAST_MODIFIED_KEY = "last.modified";
    public static final String SIZE_KEY = "size";

    private FileOffsets() {}

    /**
     * @param directory the watched directory, absolute
     * @param fileId the file's id below it
     * @return the source partition of that file
     */
    public static Map<String, Object> partition(String directory, String fileId) {
        return Map.of(DIRECTORY_KEY, directory, FILE_KEY, fileId);
    }

    /**
     * @param stamp what was sent
     * @return the source offset recording it
     */
    public static Map<String, Object> offset(FileStamp stamp) {
        return Map.of(LAST_MODIFIED_KEY, stamp.lastModified(), SIZE_KEY, stamp.size());
    }

    /**
     * @param offset a stored offset, possibly null
     * @return the stamp it records, if it is well formed
     */
    public static Optional<FileStamp> stamp(Map<String, ?> offset) {
        if (offset == null
                || !(offset.get(LAST_MODIFIED_KEY) instanceof Number lastModified)
                || !(offset.get(SIZE_KEY) instanceof Number size)) {
            return Optional.empty();
        }
        return Optional.of(new FileStamp(lastModified.longValue(), size.longValue()));
    }

    /**
     * Checks an offset a user wants to write through Connect's offsets API. A null offset (a reset) is valid.
     *
     * @param partition the source partition
     * @param offset the new offset, or null
     * @throws ConnectException if either does not have the shape above
     */
    public static void validate(Map<String, ?> partition, Map<String, ?> offset) {
        if (partition == null
                || !(partition.get(DIRECTORY_KEY) instanceof String)
                || !(partition.get(FILE_KEY) instanceof String)) {
            throw new ConnectException("A source partition must have string keys '" + DIRECTORY_KEY + "' and '"
                    + FILE_KEY + "': " + partition);
        }
        if (offset != null && stamp(offset).isEmpty()) {
            throw new ConnectException("A source offset must have numeric '" + LAST_MODIFIED_KEY + "' and '" + SIZE_KEY
                    + "', or be null to reset: " + offset);
        }
    }
}
