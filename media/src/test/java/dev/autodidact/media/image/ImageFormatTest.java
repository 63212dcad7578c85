package dev.autodidact.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.testing.TestImages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {
    @Test
    void shouldSniffEveryFormatFromItsEncoding() {
        RgbImage image = TestImages.gradient(8, 8);

        assertThat(ImageFormat.sniff(TestImages.encode(image, "png"))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(TestImages.encode(image, "jpeg"))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(TestImages.encode(image, "bmp"))).contains(ImageFormat.BMP);
        assertThat(ImageFormat.sniff(TestImages.encode(image, "gif"))).contains(ImageFormat.GIF);
    }

    @Test
    void shouldNotSniffShortOrForeignBytes() {
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.sniff("hello world".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(ImageFormat.sniff(null)).isEmpty();
    }

    @Test
    void shouldMapExtensionsCaseInsensitively() {
        assertThat(ImageFormat.forFileName("cat/0001.JPG")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.forFileName("a.jpeg")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.forFileName("b.Png")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.forFileName("c.gif.txt")).isEmpty();
        assertThat(ImageFormat.forFileName("noextension")).isEmpty();
    }

    @Test
    void shouldMapContentTypes() {
        assertThat(ImageFormat.JPEG.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.forContentType("IMAGE/PNG; charset=binary")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.forContentType("text/plain")).isEmpty();
        for (ImageFormat format : ImageFormat.values()) {
            assertThat(ImageFormat.forContentType(format.contentType())).contains(format);
        }
    }
}
