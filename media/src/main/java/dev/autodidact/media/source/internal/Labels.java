package dev.autodidact.media.source.internal;

import java.util.Locale;

/**
 * The class label a layout implies. A plain file's label is the first directory below the root
 * ({@code <root>/<class>/.../file.jpg}). A zip entry's label is, in order of preference: the entry's first directory
 * ({@code cat/0001.jpg}), the first directory below the root that holds the archive ({@code <root>/<class>/a.zip}),
 * or the archive's base name for an archive directly in the root ({@code <root>/<class>.zip}).
 */
public final class Labels {
    private Labels() {}

    /**
     * @param relativePath {@code /}-separated path below the root
     * @return the first directory, or {@code null} for a file directly in the root
     */
    public static String ofFile(String relativePath) {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? null : relativePath.substring(0, slash);
    }

    /**
     * @param archivePath {@code /}-separated path of the archive below the root
     * @param entryName name of the entry inside the archive
     * @return the label by the rules above
     */
    public static String ofEntry(String archivePath, String entryName) {
        int slash = entryName.indexOf('/');
        if (slash > 0) {
            return entryName.substring(0, slash);
        }
        String directory = ofFile(archivePath);
        return directory != null ? directory : baseName(archivePath);
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && fileName.substring(dot).toLowerCase(Locale.ROOT).equals(".zip")
                ? fileName.substring(0, dot)
                : fileName;
    }
}
