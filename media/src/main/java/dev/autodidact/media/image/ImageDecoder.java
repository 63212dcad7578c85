package dev.autodidact.media.image;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes PNG, JPEG, BMP and GIF (first frame) bytes into an {@link RgbImage}, enforcing {@link ImageLimits} before
 * any pixel is allocated: the byte count before parsing, the dimensions from the header before decoding.
 *
 * <p>Every failure is a {@link MediaRejectedException}: empty input, too many bytes, too many pixels, an unsupported
 * format (unknown magic bytes or no reader), or corrupt data (any decoder exception, and any decoder warning, such as
 * the JPEG reader's "premature end of data" for a truncated file, which it would otherwise fill with grey).
 *
 * <p>Input is read through a memory-cached stream rather than {@code ImageIO.createImageInputStream}, which may spill
 * to temporary files depending on global ImageIO state. Instances are immutable and thread-safe.
 */
public final class ImageDecoder {
    private final ImageLimits limits;

    /** A decoder with {@link ImageLimits#defaults()}. */
    public ImageDecoder() {
        this(ImageLimits.defaults());
    }

    /** @param limits the limits every image must meet */
    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return the limits this decoder enforces */
    public ImageLimits limits() {
        return limits;
    }

    /**
     * Decodes one image.
     *
     * @param data encoded image bytes
     * @return the RGB pixels (alpha dropped, gray expanded to r=g=b)
     * @throws MediaRejectedException with the reason the bytes cannot be used
     */
    public RgbImage decode(byte[] data) {
        checkByteCount(data);
        ImageFormat format = ImageFormat.sniff(data)
                .orElseThrow(() -> new MediaRejectedException(
                        RejectReason.UNSUPPORTED_FORMAT,
                        "Not a PNG, JPEG, BMP or GIF image (leading bytes " + leadingHex(data) + ")"));
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = readerFor(input, format);
            try {
                reader.setInput(input, true, true);
                checkDimensions(format, reader.getWidth(0), reader.getHeight(0));
                return RgbImage.fromBufferedImage(readFirstFrame(reader));
            } finally {
                reader.dispose();
            }
        } catch (MediaRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MediaRejectedException(
                    RejectReason.CORRUPT,
                    "Cannot decode " + format.formatName() + " image of " + data.length + " bytes: " + e,
                    e);
        }
    }

    /**
     * The ImageIO format name of some bytes, from their magic bytes.
     *
     * @param data encoded bytes
     * @return {@code "png"}, {@code "jpeg"}, {@code "bmp"}, {@code "gif"}, or {@code null} if none of them
     */
    public static String formatName(byte[] data) {
        return ImageFormat.sniff(data).map(ImageFormat::formatName).orElse(null);
    }

    /**
     * The MIME type of some bytes, from their magic bytes.
     *
     * @param data encoded bytes
     * @return e.g. {@code "image/png"}, or {@code "application/octet-stream"} if not a supported image
     */
    public static String contentType(byte[] data) {
        return ImageFormat.sniff(data).map(ImageFormat::contentType).orElse("application/octet-stream");
    }

    private void checkByteCount(byte[] data) {
        if (data == null || data.length == 0) {
            throw new MediaRejectedException(RejectReason.EMPTY, "Image has no bytes");
        }
        if (data.length > limits.maxBytes()) {
            throw new MediaRejectedException(
                    RejectReason.TOO_MANY_BYTES,
                    "Image has " + data.length + " bytes, more than the limit of " + limits.maxBytes());
        }
    }

    private void checkDimensions(ImageFormat format, int width, int height) {
        if (width < 1 || height < 1) {
            throw new MediaRejectedException(
                    RejectReason.CORRUPT,
                    "Header of " + format.formatName() + " image gives dimensions " + width + "x" + height);
        }
        if (width > limits.maxSide() || height > limits.maxSide() || (long) width * height > limits.maxPixels()) {
            throw new MediaRejectedException(
                    RejectReason.TOO_MANY_PIXELS,
                    "Image is " + width + "x" + height + ", over the limits of " + limits.maxSide() + " per side and "
                            + limits.maxPixels() + " pixels");
        }
    }

    private static ImageReader readerFor(ImageInputStream input, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (format.formatName().equalsIgnoreCase(formatNameOf(reader))) {
                return reader;
            }
        }
        throw new MediaRejectedException(
                RejectReason.UNSUPPORTED_FORMAT, "No ImageIO reader accepts these " + format.formatName() + " bytes");
    }

    private static String formatNameOf(ImageReader reader) {
        try {
            return reader.getFormatName();
        } catch (IOException e) {
            return "";
        }
    }

    private static BufferedImage readFirstFrame(ImageReader reader) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
            throw new MediaRejectedException(
                    RejectReason.CORRUPT, "Decoder reported damaged data: " + String.join("; ", warnings));
        }
        return image;
    }

    private static String leadingHex(byte[] data) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, data.length); i++) {
            hex.append(String.format(Locale.ROOT, "%02x", data[i] & 0xFF));
        }
        return hex.toString();
    }
}
