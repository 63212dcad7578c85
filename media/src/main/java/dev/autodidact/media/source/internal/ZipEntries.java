package dev.autodidact.media.source.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Listing and opening zip entries. */
public final class ZipEntries {
    private ZipEntries() {
    }

    /**
     * @param zip an open archive
     * @param accept which entry names to keep
     * @return the accepted file entries sorted by name, skipping directories, hidden files and {@code __MACOSX/}
     */
    public static List<ZipEntry> sorted(ZipFile zip, Predicate<String> accept) {
        return zip.stream()
                .filter(entry -> !entry.isDirectory() && !isJunk(entry.getName()) && accept.test(entry.getName()))
                .sorted(Comparator.comparing(ZipEntry::getName))
                .map(entry -> (ZipEntry) entry)
                .toList();
    }

    /**
     * Opens one entry of an archive that is not open yet; closing the stream closes the archive.
     *
     * @param archive the zip file
     * @param entryName the entry
     * @return a stream over the entry's bytes
     * @throws IOException if the archive cannot be read or has no such entry
     */
    public static InputStream open(Path archive, String entryName) throws IOException {
        ZipFile zip = new ZipFile(archive.toFile());
        try {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new NoSuchFileException(archive + "!/" + entryName);
            }
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static boolean isJunk(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || fileName.startsWith(".");
    }
}
