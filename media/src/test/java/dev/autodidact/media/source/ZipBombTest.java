package dev.autodidact.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip archives whose entries inflate far beyond a sane image size: real archives of zeros, some with lying headers. */
class ZipBombTest {
    /** Over {@link ZipLimits#DEFAULT}'s entry cap; zeros deflate about a thousandfold, so the archive is small. */
    private static final long BOMB_BYTES = 80L << 20;

    @TempDir
    Path root;

    @Test
    void shouldSkipAnEntryDeclaringMoreThanTheCapAndYieldTheOthers() throws IOException {
        Path archive = root.resolve("cat.zip");
        writeZip(archive, BOMB_BYTES);

        List<String> contents = new ArrayList<>();
        MediaFiles.forEach(
                root, file -> contents.add(file.id() + "=" + new String(file.readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(contents).containsExactly("cat.zip!/a.jpg=a.jpg", "cat.zip!/c.jpg=c.jpg");
    }

    @Test
    void shouldStopReadingAnEntryThatInflatesBeyondTheCapDespiteALyingHeader() throws IOException {
        Path archive = root.resolve("cat.zip");
        writeZip(archive, BOMB_BYTES);
        ZipFixtures.lieAboutSizes(archive, 1000);

        List<String> read = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        MediaFiles.forEach(root, file -> {
            assertThat(file.size()).isLessThanOrEqualTo(1000);
            try {
                read.add(file.id() + "=" + file.readAllBytes().length);
            } catch (IOException e) {
                failed.add(file.id() + ": " + e.getMessage());
            }
        });

        assertThat(read).containsExactly("cat.zip!/a.jpg=5", "cat.zip!/c.jpg=5");
        assertThat(failed)
                .singleElement()
                .asString()
                .startsWith("cat.zip!/b.jpg: ")
                .contains("inflates beyond");
        assertThatThrownBy(() -> MediaFiles.readAllBytes(root, "cat.zip!/b.jpg"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("inflates beyond");
    }

    @Test
    void shouldReportTheSkippedEntryToTheListener() throws IOException {
        writeZip(root.resolve("cat.zip"), 4096);
        List<String> skips = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        MediaFiles.forEach(
                root,
                new ZipLimits(1024, 10),
                (path, reason, detail) -> skips.add(path + " " + reason),
                file -> ids.add(file.id()));

        assertThat(ids).containsExactly("cat.zip!/a.jpg", "cat.zip!/c.jpg");
        assertThat(skips).containsExactly("cat.zip!/b.jpg ENTRY_TOO_LARGE");
    }

    @Test
    void shouldSkipAnArchiveWithMoreEntriesThanTheLimitAndWalkOn() throws IOException {
        writeZip(root.resolve("a.zip"), 10);
        Files.writeString(root.resolve("b.jpg"), "b.jpg");
        List<String> skips = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        MediaFiles.forEach(
                root,
                new ZipLimits(1024, 2),
                (path, reason, detail) -> skips.add(path + " " + reason),
                file -> ids.add(file.id()));

        assertThat(ids).containsExactly("b.jpg");
        assertThat(skips).containsExactly("a.zip TOO_MANY_ENTRIES");
    }

    @Test
    void shouldCapEntriesOfAListedArchiveWhenTheyAreReadLater() throws IOException {
        writeZip(root.resolve("cat.zip"), 4096);
        ZipFixtures.lieAboutSizes(root.resolve("cat.zip"), 100);

        List<MediaFile> files = MediaFiles.list(root, new ZipLimits(1024, 10), SkipListener.LOG);

        assertThat(files)
                .extracting(MediaFile::id)
                .containsExactly("cat.zip!/a.jpg", "cat.zip!/b.jpg", "cat.zip!/c.jpg");
        assertThat(files.get(0).readAllBytes()).hasSize(5);
        assertThatThrownBy(files.get(1)::readAllBytes)
                .isInstanceOf(EntryTooLargeException.class)
                .hasMessageContaining("cat.zip!/b.jpg")
                .hasMessageContaining("1024");
    }

    /** Entries a.jpg and c.jpg hold their names; b.jpg holds {@code bombBytes} zeros. */
    static void writeZip(Path archive, long bombBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("a.jpg", "b.jpg", "c.jpg")) {
                zip.putNextEntry(new ZipEntry(name));
                if (name.equals("b.jpg")) {
                    byte[] zeros = new byte[1 << 20];
                    for (long written = 0; written < bombBytes; written += zeros.length) {
                        zip.write(zeros, 0, (int) Math.min(zeros.length, bombBytes - written));
                    }
                } else {
                    zip.write(name.getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
    }
}
