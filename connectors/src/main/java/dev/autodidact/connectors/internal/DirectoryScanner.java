package dev.autodidact.connectors.internal;

import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lists the media files one task owns under the watched directory, in walk order, each with its current stamp. No
 * bytes are read. The walk is {@link MediaFiles#list(Path)}: the same ids, order and zip handling as the ingest
 * command.
 */
public final class DirectoryScanner {
    private final Path root;
    private final TaskAssignment assignment;
    private final boolean includeArchives;

    /**
     * @param root the watched directory
     * @param assignment which files this task owns
     * @param includeArchives whether zip entries are listed
     */
    public DirectoryScanner(Path root, TaskAssignment assignment, boolean includeArchives) {
        this.root = Objects.requireNonNull(root, "root");
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        this.includeArchives = includeArchives;
    }

    /**
     * @return the owned files with their stamps; a file that vanishes during the scan is left out
     * @throws IOException if the directory or an archive cannot be read
     */
    public List<ScannedFile> scan() throws IOException {
        Map<String, Long> modified = new HashMap<>();
        List<ScannedFile> owned = new ArrayList<>();
        for (MediaFile file : MediaFiles.list(root)) {
            if ((file.inArchive() && !includeArchives) || !assignment.owns(file.id())) {
                continue;
            }
            Long lastModified = modified.get(file.relativePath());
            if (lastModified == null) {
                try {
                    lastModified = Files.getLastModifiedTime(root.resolve(file.relativePath())).toMillis();
                } catch (NoSuchFileException gone) {
                    continue;
                }
                modified.put(file.relativePath(), lastModified);
            }
            owned.add(new ScannedFile(file, new FileStamp(lastModified, file.size())));
        }
        return owned;
    }
}
