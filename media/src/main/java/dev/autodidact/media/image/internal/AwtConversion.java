package dev.autodidact.media.image.internal;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Converts any {@link BufferedImage} to interleaved 8-bit RGB, row by row, without per-pixel objects.
 *
 * <p>Gray images take their samples as they are (r=g=b=sample), the way PIL and torchvision do; AWT's
 * {@code getRGB} would treat them as linear light and brighten them. Alpha is dropped, not composited.
 */
public final class AwtConversion {
    private AwtConversion() {}

    /**
     * @param image any image
     * @return {@code width * height * 3} bytes, row-major RGB
     */
    public static byte[] toRgbBytes(BufferedImage image) {
        if (isPlainBgr(image)) {
            return fromBgr(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        }
        ColorModel model = image.getColorModel();
        int transfer = model.getTransferType();
        boolean integral = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT;
        if (model instanceof ComponentColorModel && integral) {
            ColorSpace space = model.getColorSpace();
            if (space.getType() == ColorSpace.TYPE_GRAY) {
                return fromComponents(image.getRaster(), model.getComponentSize(0), 1);
            }
            if (space.isCS_sRGB()) {
                return fromComponents(image.getRaster(), model.getComponentSize(0), 3);
            }
        }
        return fromArgb(image);
    }

    /** A whole {@code TYPE_3BYTE_BGR} image, not a sub-image that shares a larger buffer. */
    private static boolean isPlainBgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return false;
        }
        WritableRaster raster = image.getRaster();
        DataBuffer buffer = raster.getDataBuffer();
        return raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0
                && buffer.getOffset() == 0
                && buffer.getSize() == 3 * image.getWidth() * image.getHeight();
    }

    private static byte[] fromBgr(byte[] bgr) {
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return rgb;
    }

    /** Reads {@code colours} leading bands (1 = gray, 3 = RGB), skipping any alpha band. */
    private static byte[] fromComponents(Raster raster, int bits, int colours) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        long max = (1L << bits) - 1;
        int[] row = new int[width * bands];
        byte[] rgb = new byte[width * height * 3];
        int o = 0;
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0, s = 0; x < width; x++, s += bands) {
                for (int c = 0; c < 3; c++) {
                    int sample = row[s + (colours == 1 ? 0 : c)];
                    rgb[o++] = (byte) (bits == 8 ? sample : (sample * 255L + max / 2) / max);
                }
            }
        }
        return rgb;
    }

    private static byte[] fromArgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        byte[] rgb = new byte[width * height * 3];
        int o = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                rgb[o++] = (byte) (argb >> 16);
                rgb[o++] = (byte) (argb >> 8);
                rgb[o++] = (byte) argb;
            }
        }
        return rgb;
    }
}
