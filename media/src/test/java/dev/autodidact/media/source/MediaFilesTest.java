package dev.autodidact.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {
    @TempDir
    Path root;

    @BeforeEach
    void createTree() throws IOException {
        write("cat/b.PNG");
        write("cat/a.jpg");
        write("dog/deep/x.jpeg");
        write("readme.txt");
        write("top.bmp");
        write(".hidden.jpg");
        write(".cache/y.jpg");
        zip("bird.zip", "2.gif", "1.jpg", "notes.txt", "._1.jpg");
        zip("archives/pack.zip", "frog/3.jpg", "fish/1.png", "__MACOSX/fish/._1.png", "fish/");
        zip("sub/misc.ZIP", "m.bmp");
    }

    @Test
    void shouldYieldEveryImageInSortedOrderWithStableIds() throws IOException {
        List<String> ids = new ArrayList<>();
        MediaFiles.forEach(root, file -> ids.add(file.id()));

        assertThat(ids)
                .containsExactly(
                        "archives/pack.zip!/fish/1.png",
                        "archives/pack.zip!/frog/3.jpg",
                        "bird.zip!/1.jpg",
                        "bird.zip!/2.gif",
                        "cat/a.jpg",
                        "cat/b.PNG",
                        "dog/deep/x.jpeg",
                        "sub/misc.ZIP!/m.bmp",
                        "top.bmp");
    }

    @Test
    void shouldDeriveLabelsFromLayout() throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        MediaFiles.forEach(root, file -> labels.put(file.id(), String.valueOf(file.label())));

        assertThat(labels)
                .containsEntry("archives/pack.zip!/fish/1.png", "fish")
                .containsEntry("archives/pack.zip!/frog/3.jpg", "frog")
                .containsEntry("bird.zip!/1.jpg", "bird")
                .containsEntry("cat/b.PNG", "cat")
                .containsEntry("dog/deep/x.jpeg", "dog")
                .containsEntry("sub/misc.ZIP!/m.bmp", "sub")
                .containsEntry("top.bmp", "null");
    }

    @Test
    void shouldDescribeFilesAndReadTheirBytes() throws IOException {
        List<MediaFile> seen = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        MediaFiles.forEach(root, file -> {
            seen.add(file);
            contents.add(new String(file.readAllBytes(), StandardCharsets.UTF_8));
        });

        MediaFile gif = seen.get(3);
        assertThat(gif.relativePath()).isEqualTo("bird.zip");
        assertThat(gif.entryName()).isEqualTo("2.gif");
        assertThat(gif.inArchive()).isTrue();
        assertThat(gif.contentType()).isEqualTo("image/gif");
        assertThat(gif.size()).isEqualTo("2.gif".length());
        MediaFile png = seen.get(5);
        assertThat(png.inArchive()).isFalse();
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.size()).isEqualTo("cat/b.PNG".length());
        assertThat(contents)
                .containsExactly(
                        "fish/1.png",
                        "frog/3.jpg",
                        "1.jpg",
                        "2.gif",
                        "cat/a.jpg",
                        "cat/b.PNG",
                        "dog/deep/x.jpeg",
                        "m.bmp",
                        "top.bmp");
    }

    @Test
    void shouldListFilesWhoseBytesStayReadableAfterTheWalk() throws IOException {
        List<MediaFile> files = MediaFiles.list(root);

        assertThat(files).hasSize(9);
        for (MediaFile file : files) {
            String expected = file.inArchive() ? file.entryName() : file.relativePath();
            assertThat(new String(file.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(MediaFiles.readAllBytes(root, file.id())).isEqualTo(file.readAllBytes());
        }
    }

    @Test
    void shouldRefuseIdsOutsideRootOrMissing() {
        assertThatThrownBy(() -> MediaFiles.readAllBytes(root, "../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaFiles.readAllBytes(root, "bird.zip!/nope.jpg"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRequireADirectoryAndPropagateActionFailures() {
        assertThatThrownBy(() -> MediaFiles.forEach(root.resolve("top.bmp"), file -> {}))
                .isInstanceOf(NotDirectoryException.class);
        assertThatThrownBy(() -> MediaFiles.forEach(root, file -> {
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
    }

    @Test
    void shouldSkipLinksLeavingTheRootAndFollowLinksToFilesInside(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.jpg"), "secret");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/inner.jpg"), "inner");
        Files.createSymbolicLink(root.resolve("cat/escape.jpg"), outside.resolve("secret.jpg"));
        Files.createSymbolicLink(root.resolve("escape-dir"), outside.resolve("dir"));
        Files.createSymbolicLink(root.resolve("cat/sibling.jpg"), root.resolve("top.bmp"));
        Files.createSymbolicLink(
                root.resolve("cat/relative.jpg"),
                Path.of("..", "..", outside.getFileName().toString(), "secret.jpg"));
        List<String> skips = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        MediaFiles.forEach(
                root,
                ZipLimits.DEFAULT,
                (path, reason, detail) -> skips.add(path + " " + reason),
                file -> ids.add(file.id() + "=" + new String(file.readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(ids)
                .contains("cat/sibling.jpg=top.bmp")
                .noneMatch(id -> id.contains("secret"))
                .noneMatch(id -> id.contains("inner"));
        assertThat(skips).contains("cat/escape.jpg LINK_OUTSIDE_ROOT", "escape-dir LINK_OUTSIDE_ROOT");
        assertThatThrownBy(() -> MediaFiles.readAllBytes(root, "cat/escape.jpg"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void shouldRecogniseImageNamesCaseInsensitively() {
        assertThat(MediaFiles.isImageName("A/B.JPEG")).isTrue();
        assertThat(MediaFiles.isImageName("x.tiff")).isFalse();
    }

    @Test
    void shouldYieldOnlyWavFilesAndEntriesForAudioWithTheirLabels() throws IOException {
        write("digits/3/a.wav");
        write("digits/4/B.WAVE");
        write("digits/4/cover.png");
        zip("spoken.zip", "7/x.wav", "7/y.jpg", "notes.txt");

        Map<String, String> audio = new LinkedHashMap<>();
        List<String> contentTypes = new ArrayList<>();
        MediaFiles.forEach(root, MediaKind.AUDIO, ZipLimits.DEFAULT, SkipListener.LOG, file -> {
            audio.put(file.id(), file.label());
            contentTypes.add(file.contentType());
        });
        List<String> images = new ArrayList<>();
        MediaFiles.forEach(root, file -> images.add(file.id()));

        assertThat(audio)
                .containsExactly(
                        Map.entry("digits/3/a.wav", "digits"),
                        Map.entry("digits/4/B.WAVE", "digits"),
                        Map.entry("spoken.zip!/7/x.wav", "7"));
        assertThat(contentTypes).containsOnly(MediaKind.WAV_CONTENT_TYPE);
        assertThat(images).contains("digits/4/cover.png", "spoken.zip!/7/y.jpg").noneMatch(id -> id.endsWith("wav"));
        assertThat(MediaFiles.list(root, MediaKind.AUDIO, ZipLimits.DEFAULT, SkipListener.LOG))
                .extracting(MediaFile::id)
                .containsExactlyElementsOf(audio.keySet());
    }

    @Test
    void shouldMapModalityIdsToKindsAndRefuseText() {
        assertThat(MediaKind.of("AUDIO")).isEqualTo(MediaKind.AUDIO);
        assertThat(MediaKind.of("image")).isEqualTo(MediaKind.IMAGE);
        assertThat(MediaKind.AUDIO.accepts("a/b.Wav")).isTrue();
        assertThat(MediaKind.AUDIO.accepts("a/b.mp3")).isFalse();
        assertThat(MediaKind.IMAGE.extensions()).contains("png", "jpeg");
        assertThatThrownBy(() -> MediaKind.of("text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[image, audio]");
    }

    private void write(String relativePath) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relativePath);
    }

    private void zip(String relativePath, String... entries) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
