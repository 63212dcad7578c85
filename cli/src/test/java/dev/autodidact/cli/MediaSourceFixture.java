package dev.autodidact.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A folder for the media directory source with a few real sample JPEGs and one file over the connector's size
 * limit, and a connector properties file for it derived from {@code connectors/config/media-directory-source.properties}.
 */
public final class MediaSourceFixture {
    /** The connector's {@code max.file.bytes} here; the sample JPEGs are a few KiB. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    private static final Path SAMPLE = Path.of("..", "data", "sample", "cifar10", "train", "airplane");
    private static final Path EXAMPLE = Path.of("..", "connectors", "config", "media-directory-source.properties");

    private MediaSourceFixture() {}

    /**
     * Copies {@code images} sample JPEGs and writes one oversized file into {@code dir}/media, and the connector
     * configuration into {@code dir}/{@code name}.properties.
     *
     * @param dir a fresh directory
     * @param name the connector's name
     * @param images how many sample images
     * @return the connector properties file
     */
    public static Path write(Path dir, String name, int images) throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLE)) {
            samples = files.filter(f -> f.toString().endsWith(".jpg"))
                    .sorted()
                    .limit(images)
                    .toList();
        }
        for (Path sample : samples) {
            Files.copy(sample, media.resolve(sample.getFileName()));
        }
        Files.write(media.resolve("oversized.jpg"), new byte[MAX_FILE_BYTES + 1]);

        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(EXAMPLE)) {
            props.load(in);
        }
        props.setProperty("name", name);
        props.setProperty("directory", media.toAbsolutePath().toString());
        props.setProperty("poll.interval.ms", "200");
        props.setProperty("max.file.bytes", Integer.toString(MAX_FILE_BYTES));
        Path file = dir.resolve(name + ".properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "MediaSourceFixture");
        }
        return file;
    }
}
