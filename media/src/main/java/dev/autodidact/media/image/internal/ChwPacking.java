package dev.autodidact.media.image.internal;

/** Packs interleaved RGB bytes into normalized channel-major floats in one pass. */
public final class ChwPacking {
    private ChwPacking() {}

    /**
     * Writes {@code (p / 255 - mean[c]) / std[c]} for every byte of {@code rgb}, plane by plane, from {@code offset}.
     *
     * @param rgb interleaved RGB bytes
     * @param mean per-channel mean, length 3
     * @param std per-channel standard deviation, length 3, positive
     * @param out destination with room for {@code rgb.length} floats from {@code offset}
     * @param offset first index written
     */
    public static void pack(byte[] rgb, float[] mean, float[] std, float[] out, int offset) {
        checkChannels(mean, std);
        if (offset < 0 || (long) offset + rgb.length > out.length) {
            throw new IndexOutOfBoundsException(
                    "Need " + rgb.length + " floats from offset " + offset + " but the array holds " + out.length);
        }
        int plane = rgb.length / 3;
        float scaleR = 1f / (255f * std[0]);
        float scaleG = 1f / (255f * std[1]);
        float scaleB = 1f / (255f * std[2]);
        float biasR = -mean[0] / std[0];
        float biasG = -mean[1] / std[1];
        float biasB = -mean[2] / std[2];
        int r = offset;
        int g = offset + plane;
        int b = offset + 2 * plane;
        for (int i = 0, p = 0; i < plane; i++, p += 3) {
            out[r + i] = (rgb[p] & 0xFF) * scaleR + biasR;
            out[g + i] = (rgb[p + 1] & 0xFF) * scaleG + biasG;
            out[b + i] = (rgb[p + 2] & 0xFF) * scaleB + biasB;
        }
    }

    private static void checkChannels(float[] mean, float[] std) {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException(
                    "mean and std need 3 channels, got " + mean.length + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0f)) {
                throw new IllegalArgumentException("std must be positive, got " + s);
            }
        }
    }
}
