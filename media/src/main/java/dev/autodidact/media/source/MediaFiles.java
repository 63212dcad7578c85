package dev.autodidact.media.source;

import dev.autodidact.media.source.internal.Labels;
import dev.autodidact.media.source.internal.SortedWalk;
import dev.autodidact.media.source.internal.ZipEntries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every media file of one {@link MediaKind} under a root directory, recursively: files with an extension of that kind
 * (images: png, jpg, jpeg, bmp, gif; audio: wav, wave; any case) and the entries of that kind of every {@code *.zip}
 * archive, in a deterministic order (each directory's entries sorted by name, each archive's entries sorted by name at
 * the archive's place). Hidden files are skipped. The methods without a kind walk for {@link MediaKind#IMAGE}.
 *
 * <p>Ids are paths relative to the root with {@code /} separators; a zip entry's id is the archive's path, {@code !/}
 * and the entry name, e.g. {@code dev/cat.zip!/cat/0001.jpg}.
 *
 * <p>Labels follow the layout. A plain file's label is its first directory below the root ({@code <root>/<class>/
 * .../file.jpg}); a file directly in the root has none. A zip entry's label is the entry's first directory
 * ({@code cat/0001.jpg}), else the first directory below the root holding the archive ({@code <root>/<class>/a.zip}),
 * else the archive's base name ({@code <root>/<class>.zip}). So the CIFAR-10 copy, {@code <split>/<class>.zip} with
 * entries {@code <class>/NNNN.jpg}, is labeled by class whether the root is the split or the folder above it.
 *
 * <p>Nothing outside the root is read and no archive can exhaust memory: symbolic links whose target lies outside
 * the root are skipped (links to files inside are followed, links to directories are not; see {@link SortedWalk}),
 * an archive with more than {@link ZipLimits#maxEntries()} entries is skipped whole, an entry declaring more than
 * {@link ZipLimits#maxEntryBytes()} is skipped, and an entry that inflates beyond it while read (its header lied)
 * fails that read with {@link EntryTooLargeException}. Every skip is reported to a {@link SkipListener} and the walk
 * goes on with the rest.
 */
public final class MediaFiles {
    private MediaFiles() {}

    /**
     * {@link #forEach(Path, ZipLimits, SkipListener, IoConsumer)} with {@link ZipLimits#DEFAULT}, logging skips.
     *
     * @param root the directory to walk
     * @param action called once per image, in order
     * @throws IOException if the tree or an archive cannot be read, or the action throws it
     */
    public static void forEach(Path root, IoConsumer<MediaFile> action) throws IOException {
        forEach(root, ZipLimits.DEFAULT, SkipListener.LOG, action);
    }

    /**
     * {@link #forEach(Path, MediaKind, ZipLimits, SkipListener, IoConsumer)} for {@link MediaKind#IMAGE}.
     *
     * @param root the directory to walk
     * @param limits caps on zip archives
     * @param skipped told about every link, archive and entry left out
     * @param action called once per image, in order
     * @throws IOException if the tree or an archive cannot be read, or the action throws it
     */
    public static void forEach(Path root, ZipLimits limits, SkipListener skipped, IoConsumer<MediaFile> action)
            throws IOException {
        forEach(root, MediaKind.IMAGE, limits, skipped, action);
    }

    /**
     * Streams every file of {@code kind} under {@code root} through {@code action}, one at a time; bytes are read only
     * when the action asks. An entry's {@link MediaFile#source()} reads from the archive that is open during the call,
     * so read its bytes inside the action; later, use {@link #readAllBytes(Path, String)}.
     *
     * @param root the directory to walk
     * @param kind which files to yield
     * @param limits caps on zip archives
     * @param skipped told about every link, archive and entry left out
     * @param action called once per file, in order
     * @throws IOException if the tree or an archive cannot be read, or the action throws it
     */
    public static void forEach(
            Path root, MediaKind kind, ZipLimits limits, SkipListener skipped, IoConsumer<MediaFile> action)
            throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        SortedWalk.files(
                root,
                file -> visit(root, file, kind, limits, skipped, action),
                link -> skipped.skipped(
                        relativePath(root, link),
                        SkipReason.LINK_OUTSIDE_ROOT,
                        "symbolic link to " + link.toRealPath() + ", outside " + root));
    }

    /**
     * {@link #list(Path, ZipLimits, SkipListener)} with {@link ZipLimits#DEFAULT}, logging skips.
     *
     * @param root the directory to walk
     * @return the images in walk order
     * @throws IOException if the tree or an archive cannot be read
     */
    public static List<MediaFile> list(Path root) throws IOException {
        return list(root, ZipLimits.DEFAULT, SkipListener.LOG);
    }

    /**
     * {@link #list(Path, MediaKind, ZipLimits, SkipListener)} for {@link MediaKind#IMAGE}.
     *
     * @param root the directory to walk
     * @param limits caps on zip archives, also applied when a source is opened later
     * @param skipped told about every link, archive and entry left out
     * @return the images in walk order
     * @throws IOException if the tree or an archive cannot be read
     */
    public static List<MediaFile> list(Path root, ZipLimits limits, SkipListener skipped) throws IOException {
        return list(root, MediaKind.IMAGE, limits, skipped);
    }

    /**
     * Lists every file of {@code kind} under {@code root} without reading any bytes; each source opens its file (or
     * its archive) again on demand, so the list stays valid after this call. The list holds every file's description:
     * to go through a tree of unknown size, prefer {@link #forEach(Path, MediaKind, ZipLimits, SkipListener,
     * IoConsumer)}.
     *
     * @param root the directory to walk
     * @param kind which files to list
     * @param limits caps on zip archives, also applied when a source is opened later
     * @param skipped told about every link, archive and entry left out
     * @return the files in walk order
     * @throws IOException if the tree or an archive cannot be read
     */
    public static List<MediaFile> list(Path root, MediaKind kind, ZipLimits limits, SkipListener skipped)
            throws IOException {
        List<MediaFile> files = new ArrayList<>();
        forEach(
                root,
                kind,
                limits,
                skipped,
                file -> files.add(new MediaFile(
                        file.id(),
                        file.relativePath(),
                        file.entryName(),
                        file.label(),
                        file.contentType(),
                        file.size(),
                        reopening(root, file.id(), limits))));
        return files;
    }

    /**
     * Reads one file by its id.
     *
     * @param root the directory the id is relative to
     * @param id an id from {@link MediaFile#id()}
     * @return its bytes
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if the id points outside the root
     */
    public static byte[] readAllBytes(Path root, String id) throws IOException {
        return reopening(root, id, ZipLimits.DEFAULT).readAllBytes();
    }

    /**
     * @param name a file or entry name
     * @return whether its extension marks a supported image
     */
    public static boolean isImageName(String name) {
        return MediaKind.IMAGE.accepts(name);
    }

    private static void visit(
            Path root, Path file, MediaKind kind, ZipLimits limits, SkipListener skipped, IoConsumer<MediaFile> action)
            throws IOException {
        String relativePath = relativePath(root, file);
        if (isZipName(relativePath)) {
            visitArchive(file, relativePath, kind, limits, skipped, action);
            return;
        }
        String contentType = kind.contentType(relativePath).orElse(null);
        if (contentType != null) {
            action.accept(new MediaFile(
                    relativePath,
                    relativePath,
                    null,
                    Labels.ofFile(relativePath),
                    contentType,
                    Files.size(file),
                    () -> Files.newInputStream(file)));
        }
    }

    private static void visitArchive(
            Path archive,
            String relativePath,
            MediaKind kind,
            ZipLimits limits,
            SkipListener skipped,
            IoConsumer<MediaFile> action)
            throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                skipped.skipped(
                        relativePath,
                        SkipReason.TOO_MANY_ENTRIES,
                        zip.size() + " entries, more than the limit" + " of " + limits.maxEntries()
                                + " per archive; none read");
                return;
            }
            for (ZipEntry entry : ZipEntries.sorted(zip, kind::accepts)) {
                String name = entry.getName();
                String id = relativePath + "!/" + name;
                if (entry.getSize() > limits.maxEntryBytes()) {
                    skipped.skipped(
                            id,
                            SkipReason.ENTRY_TOO_LARGE,
                            "declares " + entry.getSize() + " bytes, more " + "than the limit of "
                                    + limits.maxEntryBytes() + " per zip entry");
                    continue;
                }
                String contentType = kind.contentType(name).orElseThrow();
                action.accept(new MediaFile(
                        id,
                        relativePath,
                        name,
                        Labels.ofEntry(relativePath, name),
                        contentType,
                        entry.getSize(),
                        () -> ZipEntries.open(zip, entry, limits.maxEntryBytes(), id)));
            }
        }
    }

    private static ByteSource reopening(Path root, String id, ZipLimits limits) {
        int archiveEnd = id.toLowerCase(Locale.ROOT).indexOf(".zip!/");
        if (archiveEnd < 0) {
            Path file = resolveInside(root, id);
            return () -> Files.newInputStream(checkedInside(root, file));
        }
        Path archive = resolveInside(root, id.substring(0, archiveEnd + 4));
        String entryName = id.substring(archiveEnd + 6);
        return () -> ZipEntries.open(checkedInside(root, archive), entryName, limits.maxEntryBytes(), id);
    }

    /** At open time: a file may have been replaced by a link since the walk. */
    private static Path checkedInside(Path root, Path file) throws IOException {
        if (!SortedWalk.staysInside(root, file)) {
            throw new IOException(file + " resolves to " + file.toRealPath() + ", outside " + root + "; not read");
        }
        return file;
    }

    private static Path resolveInside(Path root, String relativePath) {
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(relativePath).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("Media id points outside " + root + ": " + relativePath);
        }
        return resolved;
    }

    private static String relativePath(Path root, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(part);
        }
        return path.toString();
    }

    private static boolean isZipName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }
}
