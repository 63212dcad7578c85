package dev.autodidact.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autodidact.media.image.ImageDecoder;
import dev.autodidact.media.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Runs against the shared CIFAR-10 dev split when this machine has it: {@code dev/<class>.zip!/<class>/NNNN.jpg}. */
class Cifar10DevTest {
    private static final Path DEV = Path.of("/work/shared/datasets/cifar10/dev");

    @Test
    void shouldYieldTwoThousandDecodableImagesInTenBalancedClasses() throws IOException {
        assumeTrue(Files.isDirectory(DEV), "CIFAR-10 dev split not present");
        ImageDecoder decoder = new ImageDecoder();
        Map<String, Integer> perLabel = new TreeMap<>();

        MediaFiles.forEach(DEV, file -> {
            RgbImage image = decoder.decode(file.readAllBytes());
            assertThat(image.width()).isEqualTo(32);
            assertThat(image.height()).isEqualTo(32);
            assertThat(file.contentType()).isEqualTo("image/jpeg");
            assertThat(file.id()).startsWith(file.label() + ".zip!/" + file.label() + "/");
            perLabel.merge(file.label(), 1, Integer::sum);
        });

        assertThat(perLabel)
                .containsOnlyKeys(
                        "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
        assertThat(perLabel.values()).containsOnly(200);
    }
}
