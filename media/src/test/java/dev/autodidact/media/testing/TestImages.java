package dev.autodidact.media.testing;

import dev.autodidact.media.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Builds images and encoded bytes for tests: {@link RgbImage}s (uniform, noise, gradient), encoded PNG and JPEG bytes,
 * broken files, and measures to compare images by.
 */
public final class TestImages {
    private TestImages() {}

    public static RgbImage uniform(int width, int height, int r, int g, int b) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) r;
            pixels[i + 1] = (byte) g;
            pixels[i + 2] = (byte) b;
        }
        return new RgbImage(width, height, pixels);
    }

    public static RgbImage noise(int width, int height, long seed) {
        byte[] pixels = new byte[width * height * 3];
        new Random(seed).nextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }

    /** A smooth colour gradient, which survives JPEG well. */
    public static RgbImage gradient(int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 3 * (y * width + x);
                pixels[i] = (byte) (255 * x / Math.max(1, width - 1));
                pixels[i + 1] = (byte) (255 * y / Math.max(1, height - 1));
                pixels[i + 2] = (byte) 128;
            }
        }
        return new RgbImage(width, height, pixels);
    }

    /** PNG bytes of a {@link #noisyGradient} image. */
    public static byte[] png(int width, int height) {
        return encode(noisyGradient(width, height), "png");
    }

    /** JPEG bytes of a {@link #noisyGradient} image. */
    public static byte[] jpeg(int width, int height) {
        return encode(noisyGradient(width, height), "jpeg");
    }

    /** A PNG cut short: the signature and header survive, the pixel data does not. */
    public static byte[] truncatedPng(int width, int height) {
        byte[] png = png(width, height);
        return Arrays.copyOf(png, png.length / 2);
    }

    /** A smooth gradient with a little noise (seeded by the size), so random crops differ. */
    public static BufferedImage noisyGradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / width;
                int g = 255 * y / height;
                int b = (x * y + noise.nextInt(32)) & 0xFF;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(RgbImage image, String format) {
        return encode(image.toBufferedImage(), format);
    }

    /** A PNG signature and an IHDR chunk (with a correct CRC) claiming the given size, then IEND; no pixel data. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        putChunk(png, "IHDR", ihdr.array());
        putChunk(png, "IEND", new byte[0]);
        return png.array();
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs((a.pixels()[i] & 0xFF) - (b.pixels()[i] & 0xFF));
        }
        return (double) sum / a.pixels().length;
    }

    public static double variance(RgbImage image) {
        double sum = 0;
        double squares = 0;
        for (byte p : image.pixels()) {
            sum += p & 0xFF;
            squares += (p & 0xFF) * (p & 0xFF);
        }
        double n = image.pixels().length;
        return squares / n - (sum / n) * (sum / n);
    }

    private static void putChunk(ByteBuffer png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    }
}
