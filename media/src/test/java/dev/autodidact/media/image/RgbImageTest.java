package dev.autodidact.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autodidact.media.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;

class RgbImageTest {
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    @Test
    void shouldRejectWrongPixelCountAndDimensions() {
        assertThatThrownBy(() -> new RgbImage(2, 2, new byte[11])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RgbImage(0, 2, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RgbImage(2, 2, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAddressPixelsRowMajor() {
        byte[] pixels = new byte[3 * 2 * 3];
        pixels[3 * (1 * 3 + 2)] = (byte) 0xAB;
        pixels[3 * (1 * 3 + 2) + 2] = (byte) 0xCD;
        RgbImage image = new RgbImage(3, 2, pixels);

        assertThat(image.rgb(2, 1)).isEqualTo(0xAB00CD);
        assertThat(image.rgb(1, 2 - 1)).isZero();
        assertThatThrownBy(() -> image.rgb(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRoundTripThroughBufferedImage() {
        RgbImage noise = TestImages.noise(7, 5, 1);

        assertThat(RgbImage.fromBufferedImage(noise.toBufferedImage())).isEqualTo(noise);
    }

    @Test
    void shouldDropAlpha() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x40FF0000);
        argb.setRGB(1, 0, 0x0000FF00);

        RgbImage image = RgbImage.fromBufferedImage(argb);

        assertThat(image.rgb(0, 0)).isEqualTo(0xFF0000);
        assertThat(image.rgb(1, 0)).isEqualTo(0x00FF00);
    }

    @Test
    void shouldExpandGraySamplesWithoutGammaShift() {
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 100);
        gray.getRaster().setSample(1, 0, 0, 200);
        BufferedImage gray16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(0, 0, 0, 65535);
        gray16.getRaster().setSample(1, 0, 0, 32896);

        assertThat(RgbImage.fromBufferedImage(gray).rgb(0, 0)).isEqualTo(0x646464);
        assertThat(RgbImage.fromBufferedImage(gray).rgb(1, 0)).isEqualTo(0xC8C8C8);
        assertThat(RgbImage.fromBufferedImage(gray16).rgb(0, 0)).isEqualTo(0xFFFFFF);
        assertThat(RgbImage.fromBufferedImage(gray16).rgb(1, 0)).isEqualTo(0x808080);
    }

    @Test
    void shouldLookUpIndexedColours() {
        byte[] reds = {0, (byte) 255};
        byte[] greens = {(byte) 128, 0};
        byte[] blues = {0, 10};
        IndexColorModel palette = new IndexColorModel(1, 2, reds, greens, blues);
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSample(1, 0, 0, 1);

        RgbImage image = RgbImage.fromBufferedImage(indexed);

        assertThat(image.rgb(0, 0)).isEqualTo(0x008000);
        assertThat(image.rgb(1, 0)).isEqualTo(0xFF000A);
    }

    @Test
    void shouldConvertSubImageOfSharedBuffer() {
        RgbImage noise = TestImages.noise(6, 4, 2);
        BufferedImage part = noise.toBufferedImage().getSubimage(2, 1, 3, 2);

        RgbImage image = RgbImage.fromBufferedImage(part);

        assertThat(image.width()).isEqualTo(3);
        assertThat(image.rgb(0, 0)).isEqualTo(noise.rgb(2, 1));
        assertThat(image.rgb(2, 1)).isEqualTo(noise.rgb(4, 2));
    }

    @Test
    void shouldNormalizeIntoChannelMajorPlanes() {
        RgbImage image = TestImages.noise(4, 3, 3);

        float[] chw = image.toChwFloats(MEAN, STD);

        assertThat(chw).hasSize(36);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                int rgb = image.rgb(x, y);
                for (int c = 0; c < 3; c++) {
                    int p = rgb >> (16 - 8 * c) & 0xFF;
                    float expected = (p / 255f - MEAN[c]) / STD[c];
                    assertThat(chw[c * 12 + y * 4 + x]).isCloseTo(expected, within(1e-5f));
                }
            }
        }
    }

    @Test
    void shouldPackIntoCallerArrayAtOffset() {
        RgbImage first = TestImages.noise(2, 2, 4);
        RgbImage second = TestImages.noise(2, 2, 5);
        float[] batch = new float[1 + 24 + 1];
        batch[0] = -7f;
        batch[25] = -7f;

        int next = first.toChwFloats(MEAN, STD, batch, 1);
        int end = second.toChwFloats(MEAN, STD, batch, next);

        assertThat(next).isEqualTo(13);
        assertThat(end).isEqualTo(25);
        assertThat(batch[0]).isEqualTo(-7f);
        assertThat(batch[25]).isEqualTo(-7f);
        float[] alone = second.toChwFloats(MEAN, STD);
        for (int i = 0; i < 12; i++) {
            assertThat(batch[13 + i]).isEqualTo(alone[i]);
        }
    }

    @Test
    void shouldRejectBadNormalizationArguments() {
        RgbImage image = TestImages.noise(2, 2, 6);

        assertThatThrownBy(() -> image.toChwFloats(new float[2], STD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> image.toChwFloats(MEAN, new float[] {1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> image.toChwFloats(MEAN, STD, new float[12], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldCompareByValue() {
        assertThat(TestImages.noise(3, 3, 7))
                .isEqualTo(TestImages.noise(3, 3, 7))
                .hasSameHashCodeAs(TestImages.noise(3, 3, 7))
                .isNotEqualTo(TestImages.noise(3, 3, 8));
        assertThat(TestImages.uniform(2, 3, 0, 0, 0)).isNotEqualTo(TestImages.uniform(3, 2, 0, 0, 0));
    }
}
