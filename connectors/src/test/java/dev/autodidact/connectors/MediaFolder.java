package dev.autodidact.connectors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes test media into a directory with chosen bytes and modification times. */
final class MediaFolder {
    private final Path root;

    MediaFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes {@code bytes} to {@code relativePath} and sets its modification time to {@code modifiedMillis}. */
    Path write(String relativePath, byte[] bytes, long modifiedMillis) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        return file;
    }

    /** Writes a zip archive holding {@code entries} (name, bytes, name, bytes, ...). */
    Path zip(String relativePath, long modifiedMillis, Object... entries) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        return file;
    }

    /** @return {@code n} bytes that differ with {@code seed} */
    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }
}
