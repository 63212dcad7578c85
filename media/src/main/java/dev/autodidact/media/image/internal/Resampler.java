package dev.autodidact.media.image.internal;

import java.util.Arrays;

/**
 * Separable resampling of a rectangular region of an interleaved RGB image to a new size: area averaging along an
 * axis that shrinks, bilinear interpolation along an axis that grows or keeps its size. One float buffer per call,
 * no per-pixel objects.
 */
public final class Resampler {
    private Resampler() {}

    /**
     * Resamples the region {@code [x0, x0 + regionWidth) x [y0, y0 + regionHeight)} of {@code src}.
     *
     * @param src interleaved RGB, {@code srcWidth} pixels per row
     * @param srcWidth width of {@code src}
     * @param x0 left edge of the region
     * @param y0 top edge of the region
     * @param regionWidth region width, at least 1
     * @param regionHeight region height, at least 1
     * @param outWidth output width
     * @param outHeight output height
     * @return {@code outWidth * outHeight * 3} bytes
     */
    public static byte[] resample(
            byte[] src, int srcWidth, int x0, int y0, int regionWidth, int regionHeight, int outWidth, int outHeight) {
        AxisWeights columns = AxisWeights.of(regionWidth, outWidth);
        AxisWeights rows = AxisWeights.of(regionHeight, outHeight);
        float[] wide = horizontal(src, srcWidth, x0, y0, regionWidth, regionHeight, columns, outWidth);
        return vertical(wide, outWidth, regionHeight, rows, outHeight);
    }

    /** Resamples every row of the region to {@code outWidth}: {@code regionHeight x outWidth x 3} floats. */
    private static float[] horizontal(
            byte[] src,
            int srcWidth,
            int x0,
            int y0,
            int regionWidth,
            int regionHeight,
            AxisWeights columns,
            int outWidth) {
        float[] wide = new float[regionHeight * outWidth * 3];
        int taps = columns.taps();
        for (int y = 0; y < regionHeight; y++) {
            int rowStart = ((y0 + y) * srcWidth + x0) * 3;
            int o = y * outWidth * 3;
            for (int x = 0; x < outWidth; x++, o += 3) {
                float r = 0;
                float g = 0;
                float b = 0;
                int first = columns.first(x);
                for (int t = 0; t < taps && first + t < regionWidth; t++) {
                    float w = columns.weight(x, t);
                    int s = rowStart + (first + t) * 3;
                    r += w * (src[s] & 0xFF);
                    g += w * (src[s + 1] & 0xFF);
                    b += w * (src[s + 2] & 0xFF);
                }
                wide[o] = r;
                wide[o + 1] = g;
                wide[o + 2] = b;
            }
        }
        return wide;
    }

    private static byte[] vertical(float[] wide, int width, int regionHeight, AxisWeights rows, int outHeight) {
        int stride = width * 3;
        byte[] out = new byte[outHeight * stride];
        int taps = rows.taps();
        float[] acc = new float[stride];
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(acc, 0f);
            int first = rows.first(y);
            for (int t = 0; t < taps && first + t < regionHeight; t++) {
                float w = rows.weight(y, t);
                int s = (first + t) * stride;
                for (int i = 0; i < stride; i++) {
                    acc[i] += w * wide[s + i];
                }
            }
            int o = y * stride;
            for (int i = 0; i < stride; i++) {
                out[o + i] = PixelMath.toByte(acc[i]);
            }
        }
        return out;
    }
}
