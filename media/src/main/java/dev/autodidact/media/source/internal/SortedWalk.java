package dev.autodidact.media.source.internal;

import dev.autodidact.media.source.IoConsumer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Depth-first walk that visits regular files in a deterministic order: the entries of each directory sorted by name.
 * Hidden entries (names starting with a dot) are skipped, and symbolic links to directories are not followed, so the
 * walk cannot loop.
 */
public final class SortedWalk {
    private SortedWalk() {
    }

    /**
     * @param directory where to start
     * @param action called for each regular file, in order
     * @throws IOException if a directory cannot be listed or the action fails
     */
    public static void files(Path directory, IoConsumer<Path> action) throws IOException {
        for (Path child : sortedChildren(directory)) {
            if (isHidden(child)) {
                continue;
            }
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                files(child, action);
            } else if (Files.isRegularFile(child)) {
                action.accept(child);
            }
        }
    }

    private static List<Path> sortedChildren(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
