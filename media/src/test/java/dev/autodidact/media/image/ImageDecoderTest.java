package dev.autodidact.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import dev.autodidact.media.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp"})
    void shouldRoundTripLosslessFormatsExactly(String format) {
        RgbImage noise = TestImages.noise(13, 9, 1);

        assertThat(decoder.decode(TestImages.encode(noise, format))).isEqualTo(noise);
    }

    @Test
    void shouldRoundTripGifWithItsPalette() {
        BufferedImage indexed = paletteImage(0);
        RgbImage expected = RgbImage.fromBufferedImage(indexed);

        assertThat(decoder.decode(TestImages.encode(indexed, "gif"))).isEqualTo(expected);
    }

    @Test
    void shouldRoundTripJpegApproximately() {
        RgbImage gradient = TestImages.gradient(64, 48);

        RgbImage decoded = decoder.decode(TestImages.encode(gradient, "jpeg"));

        assertThat(decoded.width()).isEqualTo(64);
        assertThat(decoded.height()).isEqualTo(48);
        assertThat(TestImages.meanAbsoluteDifference(decoded, gradient)).isLessThan(3.0);
    }

    @Test
    void shouldDecodeFirstFrameOfAnimatedGif() throws IOException {
        byte[] animated = animatedGif(paletteImage(0), paletteImage(1));

        RgbImage decoded = decoder.decode(animated);

        assertThat(decoded)
                .isEqualTo(RgbImage.fromBufferedImage(paletteImage(0)))
                .isNotEqualTo(RgbImage.fromBufferedImage(paletteImage(1)));
    }

    @Test
    void shouldExpandGrayscalePngToEqualChannels() {
        BufferedImage gray = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 20; i++) {
            gray.getRaster().setSample(i % 5, i / 5, 0, i * 12);
        }

        RgbImage decoded = decoder.decode(TestImages.encode(gray, "png"));

        for (int i = 0; i < 20; i++) {
            assertThat(decoded.rgb(i % 5, i / 5)).isEqualTo(i * 12 * 0x010101);
        }
    }

    @Test
    void shouldDropAlphaOfPng() {
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 1, 0x80123456);

        RgbImage decoded = decoder.decode(TestImages.encode(argb, "png"));

        assertThat(decoded.rgb(1, 1)).isEqualTo(0x123456);
    }

    @Test
    void shouldDecodeRealPhotos() {
        RgbImage rocket = decoder.decode(TestImages.resource("/photos/rocket.jpg"));
        RgbImage camera = decoder.decode(TestImages.resource("/photos/camera.png"));

        assertThat(rocket.width()).isEqualTo(640);
        assertThat(rocket.height()).isEqualTo(427);
        assertThat(TestImages.variance(rocket)).isGreaterThan(100);
        assertThat(camera.width()).isEqualTo(512);
        for (int i = 0; i < camera.pixels().length; i += 3) {
            assertThat(camera.pixels()[i]).isEqualTo(camera.pixels()[i + 1]).isEqualTo(camera.pixels()[i + 2]);
        }
    }

    @Test
    void shouldRejectEmptyInput() {
        assertRejected(() -> decoder.decode(new byte[0])).isEqualTo(RejectReason.EMPTY);
        assertRejected(() -> decoder.decode(null)).isEqualTo(RejectReason.EMPTY);
    }

    @Test
    void shouldRejectTooManyBytesBeforeDecoding() {
        ImageDecoder small = new ImageDecoder(ImageLimits.defaults().withMaxBytes(100));
        byte[] garbage = new byte[101];

        assertRejected(() -> small.decode(garbage)).isEqualTo(RejectReason.TOO_MANY_BYTES);
    }

    @Test
    void shouldRejectHugeDimensionsFromHeaderWithoutAllocatingPixels() {
        byte[] claimsTenGigapixels = TestImages.pngHeaderOnly(100_000, 100_000);

        long start = System.nanoTime();
        assertRejected(() -> decoder.decode(claimsTenGigapixels)).isEqualTo(RejectReason.TOO_MANY_PIXELS);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertRejected(() -> decoder.decode(TestImages.pngHeaderOnly(10, 10))).isEqualTo(RejectReason.CORRUPT);
    }

    @Test
    void shouldRejectOverSideOrPixelLimit() {
        byte[] wide = TestImages.encode(TestImages.uniform(300, 10, 1, 2, 3), "png");

        assertRejected(() -> new ImageDecoder(ImageLimits.defaults().withMaxSide(299)).decode(wide))
                .isEqualTo(RejectReason.TOO_MANY_PIXELS);
        assertRejected(() -> new ImageDecoder(ImageLimits.defaults().withMaxPixels(2999)).decode(wide))
                .isEqualTo(RejectReason.TOO_MANY_PIXELS);
        assertThat(new ImageDecoder(new ImageLimits(1 << 20, 3000, 300))
                        .decode(wide)
                        .width())
                .isEqualTo(300);
    }

    @Test
    void shouldRejectTruncatedJpegAsCorrupt() {
        byte[] jpeg = TestImages.encode(TestImages.noise(64, 64, 2), "jpeg");

        for (int length : new int[] {jpeg.length / 2, jpeg.length - 10, 40}) {
            byte[] truncated = Arrays.copyOf(jpeg, length);
            assertRejected(() -> decoder.decode(truncated))
                    .as("truncated to %d bytes", length)
                    .isEqualTo(RejectReason.CORRUPT);
        }
    }

    @Test
    void shouldRejectTruncatedPngAsCorrupt() {
        byte[] png = TestImages.encode(TestImages.noise(64, 64, 3), "png");

        assertRejected(() -> decoder.decode(Arrays.copyOf(png, png.length / 2))).isEqualTo(RejectReason.CORRUPT);
    }

    @Test
    void shouldRejectUnknownBytesAsUnsupported() {
        byte[] random = new byte[1000];
        new Random(4).nextBytes(random);
        random[0] = 0x00;
        byte[] tiff = TestImages.encode(TestImages.noise(8, 8, 5), "tiff");

        assertRejected(() -> decoder.decode(random)).isEqualTo(RejectReason.UNSUPPORTED_FORMAT);
        assertRejected(() -> decoder.decode(tiff)).isEqualTo(RejectReason.UNSUPPORTED_FORMAT);
    }

    @Test
    void shouldRejectGarbageBehindMagicBytesAsCorrupt() {
        byte[] fakeGif = new byte[200];
        new Random(6).nextBytes(fakeGif);
        System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, fakeGif, 0, 6);

        assertRejected(() -> decoder.decode(fakeGif)).isIn(RejectReason.CORRUPT, RejectReason.TOO_MANY_PIXELS);
    }

    @Test
    void shouldNameFormatAndContentTypeFromMagicBytes() {
        byte[] png = TestImages.encode(TestImages.noise(2, 2, 7), "png");

        assertThat(ImageDecoder.formatName(png)).isEqualTo("png");
        assertThat(ImageDecoder.contentType(png)).isEqualTo("image/png");
        assertThat(ImageDecoder.formatName(new byte[] {1, 2, 3})).isNull();
        assertThat(ImageDecoder.contentType(new byte[] {1, 2, 3})).isEqualTo("application/octet-stream");
    }

    private static AbstractObjectAssert<?, RejectReason> assertRejected(Runnable decode) {
        Throwable thrown = catchThrowable(decode::run);
        assertThat(thrown).isInstanceOf(MediaRejectedException.class).hasMessageNotContaining("null");
        return assertThat(((MediaRejectedException) thrown).reason());
    }

    /** A 16x8 image over a fixed 4-colour palette; {@code variant} shifts the pattern. */
    private static BufferedImage paletteImage(int variant) {
        byte[] r = {0, (byte) 255, 0, (byte) 200};
        byte[] g = {0, 0, (byte) 255, (byte) 100};
        byte[] b = {0, 0, 0, (byte) 50};
        BufferedImage image =
                new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, r, g, b));
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                image.getRaster().setSample(x, y, 0, (x + y + variant) % 4);
            }
        }
        return image;
    }

    private static byte[] animatedGif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
