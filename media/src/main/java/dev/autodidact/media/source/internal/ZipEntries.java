package dev.autodidact.media.source.internal;

import dev.autodidact.media.source.EntryTooLargeException;
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

/** Listing and opening zip entries, each read through a {@link CappedInputStream}. */
public final class ZipEntries {
    private ZipEntries() {}

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
     * Opens one entry of an open archive, capped.
     *
     * @param zip the archive
     * @param entry the entry
     * @param maxBytes the most decompressed bytes passed through
     * @param id the entry's id, for the exception
     * @return a stream that throws {@link EntryTooLargeException} once the entry inflates beyond {@code maxBytes}
     * @throws IOException if the entry cannot be opened, or its header already declares more than {@code maxBytes}
     */
    public static InputStream open(ZipFile zip, ZipEntry entry, long maxBytes, String id) throws IOException {
        if (entry.getSize() > maxBytes) {
            throw new EntryTooLargeException(id, maxBytes);
        }
        return new CappedInputStream(zip.getInputStream(entry), maxBytes, id);
    }

    /**
     * Opens one entry of an archive that is not open yet, capped as {@link #open(ZipFile, ZipEntry, long, String)};
     * closing the stream closes the archive.
     *
     * @param archive the zip file
     * @param entryName the entry
     * @param maxBytes the most decompressed bytes passed through
     * @param id the entry's id, for the exception
     * @return a stream over the entry's bytes
     * @throws IOException if the archive cannot be read, has no such entry or the entry is too large
     */
    public static InputStream open(Path archive, String entryName, long maxBytes, String id) throws IOException {
        ZipFile zip = new ZipFile(archive.toFile());
        try {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new NoSuchFileException(archive + "!/" + entryName);
            }
            return new FilterInputStream(open(zip, entry, maxBytes, id)) {
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
