package dev.autodidact.media.image.internal;

/**
 * Resampling weights along one axis: for each output index, the first source index and {@link #taps()} weights.
 * Downscaling averages areas (each output pixel is the exact coverage-weighted mean of the source pixels under it, so
 * no detail aliases); upscaling interpolates linearly between pixel centres (half-pixel convention, edges clamped).
 */
final class AxisWeights {
    private final int[] first;
    private final float[] weights;
    private final int taps;

    private AxisWeights(int[] first, float[] weights, int taps) {
        this.first = first;
        this.weights = weights;
        this.taps = taps;
    }

    static AxisWeights of(int in, int out) {
        return out < in ? area(in, out) : bilinear(in, out);
    }

    int taps() {
        return taps;
    }

    int first(int i) {
        return first[i];
    }

    float weight(int i, int tap) {
        return weights[i * taps + tap];
    }

    private static AxisWeights area(int in, int out) {
        double scale = (double) in / out;
        int taps = (int) Math.ceil(scale) + 1;
        int[] first = new int[out];
        float[] weights = new float[out * taps];
        for (int i = 0; i < out; i++) {
            double start = i * scale;
            double end = Math.min(in, start + scale);
            first[i] = (int) Math.floor(start);
            for (int t = 0; t < taps && first[i] + t < end; t++) {
                int k = first[i] + t;
                double covered = Math.min(end, k + 1) - Math.max(start, k);
                weights[i * taps + t] = (float) (Math.max(0, covered) / scale);
            }
        }
        return new AxisWeights(first, weights, taps);
    }

    private static AxisWeights bilinear(int in, int out) {
        double scale = (double) in / out;
        int[] first = new int[out];
        float[] weights = new float[out * 2];
        for (int i = 0; i < out; i++) {
            double centre = Math.min(in - 1, Math.max(0, (i + 0.5) * scale - 0.5));
            int left = Math.min(in - 2, (int) Math.floor(centre));
            if (in == 1) {
                first[i] = 0;
                weights[i * 2] = 1f;
                continue;
            }
            float fraction = (float) (centre - left);
            first[i] = left;
            weights[i * 2] = 1f - fraction;
            weights[i * 2 + 1] = fraction;
        }
        return new AxisWeights(first, weights, 2);
    }
}
