package dev.autodidact.media.image.augment.internal;

import dev.autodidact.media.image.internal.PixelMath;

/**
 * Separable convolution of interleaved RGB with one symmetric 1-D kernel along both axes, borders reflected
 * (mirrored without repeating the edge pixel, like {@code numpy.pad(mode="reflect")}).
 */
public final class Convolution {
    private Convolution() {
    }

    /**
     * @param rgb interleaved RGB bytes
     * @param width image width
     * @param height image height
     * @param kernel odd-length weights, applied horizontally then vertically
     * @return the convolved bytes
     */
    public static byte[] separable(byte[] rgb, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        int[] columns = reflectedIndices(width, radius);
        int[] rows = reflectedIndices(height, radius);
        float[] across = new float[rgb.length];
        for (int y = 0; y < height; y++) {
            int row = y * width * 3;
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    float sum = 0;
                    for (int k = 0; k < kernel.length; k++) {
                        sum += kernel[k] * (rgb[row + columns[x + k] * 3 + c] & 0xFF);
                    }
                    across[row + x * 3 + c] = sum;
                }
            }
        }
        int stride = width * 3;
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < stride; i++) {
                float sum = 0;
                for (int k = 0; k < kernel.length; k++) {
                    sum += kernel[k] * across[rows[y + k] * stride + i];
                }
                out[y * stride + i] = PixelMath.toByte(sum);
            }
        }
        return out;
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
