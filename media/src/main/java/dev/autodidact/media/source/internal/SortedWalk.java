package dev.autodidact.media.source.internal;

import dev.autodidact.media.source.IoConsumer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Depth-first walk that visits regular files in a deterministic order: the entries of each directory sorted by name.
 * Hidden entries (names starting with a dot) are skipped.
 *
 * <p>Symbolic links: a link whose target lies outside the root (compared as real paths, after resolving every link)
 * is refused and reported, whether it points to a file or a directory. A link to a file inside the root is followed;
 * a link to a directory inside the root is not (the directory is walked under its own name, and the walk cannot
 * loop). A dangling link is ignored.
 */
public final class SortedWalk {
    private SortedWalk() {}

    /**
     * @param root where to start
     * @param action called for each regular file, in order, with its path under {@code root}
     * @param refused called for each link whose target lies outside {@code root}
     * @throws IOException if a directory cannot be listed or a callback fails
     */
    public static void files(Path root, IoConsumer<Path> action, IoConsumer<Path> refused) throws IOException {
        walk(root, root.toRealPath(), action, refused);
    }

    private static void walk(Path directory, Path realRoot, IoConsumer<Path> action, IoConsumer<Path> refused)
            throws IOException {
        for (Path child : sortedChildren(directory)) {
            if (isHidden(child)) {
                continue;
            }
            if (Files.isSymbolicLink(child)) {
                visitLink(child, realRoot, action, refused);
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                walk(child, realRoot, action, refused);
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                action.accept(child);
            }
        }
    }

    private static void visitLink(Path link, Path realRoot, IoConsumer<Path> action, IoConsumer<Path> refused)
            throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException dangling) {
            return;
        }
        if (!target.startsWith(realRoot)) {
            refused.accept(link);
        } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            action.accept(link);
        }
    }

    /**
     * @param root the walked root
     * @param file a path under it, possibly through links
     * @return whether its real path lies inside the root's real path
     * @throws IOException if either cannot be resolved
     */
    public static boolean staysInside(Path root, Path file) throws IOException {
        return file.toRealPath().startsWith(root.toRealPath());
    }

    private static List<Path> sortedChildren(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
