package dev.autodidact.media.image.augment.internal;

import dev.autodidact.media.image.internal.PixelMath;
import java.util.Arrays;

/**
 * Separable convolution of interleaved RGB with one symmetric 1-D kernel along both axes, borders reflected
 * (mirrored without repeating the edge pixel, like {@code numpy.pad(mode="reflect")}).
 */
public final class Convolution {
    private Convolution() {}

    /**
     * @param rgb interleaved RGB bytes
     * @param width image width
     * @param height image height
     * @param kernel odd-length weights, applied horizontally then vertically
     * @return the convolved bytes
     */
    public static byte[] separable(byte[] rgb, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        int stride = width * 3;
        float[] across = new float[rgb.length];
        float[] padded = new float[(width + 2 * radius) * 3];
        int[] columns = reflectedIndices(width, radius);
        for (int y = 0; y < height; y++) {
            padRow(rgb, y * stride, columns, padded);
            convolveRow(padded, kernel, across, y * stride, stride);
        }
        int[] rows = reflectedIndices(height, radius);
        byte[] out = new byte[rgb.length];
        float[] acc = new float[stride];
        for (int y = 0; y < height; y++) {
            Arrays.fill(acc, 0f);
            for (int k = 0; k < kernel.length; k++) {
                float w = kernel[k];
                int source = rows[y + k] * stride;
                for (int i = 0; i < stride; i++) {
                    acc[i] += w * across[source + i];
                }
            }
            for (int i = 0; i < stride; i++) {
                out[y * stride + i] = PixelMath.toByte(acc[i]);
            }
        }
        return out;
    }

    /** Copies one row into {@code padded} as floats, with reflected borders. */
    private static void padRow(byte[] rgb, int rowStart, int[] columns, float[] padded) {
        for (int x = 0; x < columns.length; x++) {
            int s = rowStart + columns[x] * 3;
            padded[x * 3] = rgb[s] & 0xFF;
            padded[x * 3 + 1] = rgb[s + 1] & 0xFF;
            padded[x * 3 + 2] = rgb[s + 2] & 0xFF;
        }
    }

    private static void convolveRow(float[] padded, float[] kernel, float[] out, int outStart, int stride) {
        for (int i = 0; i < stride; i++) {
            float sum = 0;
            for (int k = 0; k < kernel.length; k++) {
                sum += kernel[k] * padded[i + 3 * k];
            }
            out[outStart + i] = sum;
        }
    }

    /**
     * @param sigma standard deviation in pixels, positive
     * @param size odd kernel length
     * @return normalized Gaussian weights summing to 1
     */
    public static float[] gaussian(double sigma, int size) {
        float[] kernel = new float[size];
        int radius = size / 2;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = i - radius;
            kernel[i] = (float) Math.exp(-d * d / (2 * sigma * sigma));
            sum += kernel[i];
        }
        for (int i = 0; i < size; i++) {
            kernel[i] = (float) (kernel[i] / sum);
        }
        return kernel;
    }

    /** Source index for every padded position {@code -radius .. n - 1 + radius}, shifted to start at 0. */
    static int[] reflectedIndices(int n, int radius) {
        int[] indices = new int[n + 2 * radius];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = reflect(i - radius, n);
        }
        return indices;
    }

    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int folded = Math.floorMod(i, period);
        return folded < n ? folded : period - folded;
    }
}
