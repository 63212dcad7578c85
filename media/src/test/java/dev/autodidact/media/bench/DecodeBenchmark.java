package dev.autodidact.media.bench;

import dev.autodidact.media.image.ImageDecoder;
import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Microseconds per decode of the bundled 32x32 CIFAR-10 JPEGs. On request only: -Dautodidact.benchmark=true. */
class DecodeBenchmark {
    @Test
    void microsecondsPerDecode() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("autodidact.benchmark"));
        Path root = Path.of("..", "data", "sample", "cifar10", "train");
        Assumptions.assumeTrue(Files.isDirectory(root));
        List<byte[]> images = new ArrayList<>();
        for (MediaFile f : MediaFiles.list(root)) {
            images.add(f.readAllBytes());
        }
        ImageDecoder decoder = new ImageDecoder();
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (byte[] img : images) {
                decoder.decode(img);
            }
            System.out.printf(
                    Locale.ROOT,
                    "decode: %.1f us/image over %d images%n",
                    (System.nanoTime() - start) / 1e3 / images.size(),
                    images.size());
        }
    }
}
