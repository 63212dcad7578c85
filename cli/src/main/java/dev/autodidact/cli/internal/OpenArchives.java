package dev.autodidact.cli.internal;

import dev.autodidact.media.source.MediaFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds open the zip archives a listed pass of {@link RawFeeder} reads from, at most {@link #MAX_OPEN} at a time
 * (the least recently used is closed first). Performance only: every entry is still read through its
 * {@link MediaFile#source()}, with its checks and caps, which opens the archive again. Opening a {@link ZipFile} reads
 * the archive's whole central directory, about 3 ms for 50 000 entries, so a shuffled pass over one large archive
 * would be bound by it; while one {@code ZipFile} of an archive is open, the JDK shares the parsed directory with
 * every other one opened on the same file, and a reopening costs about 0.1 ms.
 */
final class OpenArchives implements AutoCloseable {
    static final int MAX_OPEN = 32;

    private static final Logger LOG = LoggerFactory.getLogger(OpenArchives.class);

    private final Path root;
    private final Map<String, ZipFile> open = new LinkedHashMap<>(16, 0.75f, true);

    OpenArchives(Path root) {
        this.root = root;
    }

    /** Opens the archive holding {@code file} unless it is open already or is a link; a plain file needs nothing. */
    void hold(MediaFile file) {
        if (!file.inArchive() || open.get(file.relativePath()) != null) {
            return;
        }
        Path archive = root.resolve(file.relativePath());
        if (!Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (open.size() >= MAX_OPEN) {
            Iterator<ZipFile> eldest = open.values().iterator();
            closeQuietly(eldest.next());
            eldest.remove();
        }
        try {
            open.put(file.relativePath(), new ZipFile(archive.toFile()));
        } catch (IOException e) {
            // reading the entry will report what is wrong with the archive
            LOG.debug("Not holding {} open: {}", archive, e.toString());
        }
    }

    /** @return how many archives are open */
    int size() {
        return open.size();
    }

    @Override
    public void close() {
        open.values().forEach(OpenArchives::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            LOG.debug("Closing {}: {}", zip.getName(), e.toString());
        }
    }
}
