package dev.autodidact.media.image.pretext;

import dev.autodidact.media.image.RgbImage;

/**
 * Rotations of an image by multiples of 90 degrees, exact (no resampling): RotNet's four classes (Gidaris, Singh and
 * Komodakis, "Unsupervised Representation Learning by Predicting Image Rotations", ICLR 2018). The direction is
 * counter-clockwise, as {@code numpy.rot90} and {@code torch.rot90} over the height and width axes turn.
 */
public final class Rotations {
    /** The number of distinct quarter turns, and of RotNet's classes. */
    public static final int COUNT = 4;

    private Rotations() {}

    /**
     * @param image an image, not modified
     * @param quarterTurns how many quarter turns counter-clockwise, any integer (taken modulo 4)
     * @return the rotated image: width and height swap for an odd number of turns; {@code image} itself for 0
     */
    public static RgbImage rotate(RgbImage image, int quarterTurns) {
        int k = Math.floorMod(quarterTurns, COUNT);
        if (k == 0) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        int outW = k == 2 ? w : h;
        int outH = k == 2 ? h : w;
        byte[] src = image.pixels();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ox;
                int oy;
                switch (k) {
                    case 1 -> {
                        ox = y;
                        oy = w - 1 - x;
                    }
                    case 2 -> {
                        ox = w - 1 - x;
                        oy = h - 1 - y;
                    }
                    default -> {
                        ox = h - 1 - y;
                        oy = x;
                    }
                }
                int s = 3 * (y * w + x);
                int d = 3 * (oy * outW + ox);
                out[d] = src[s];
                out[d + 1] = src[s + 1];
                out[d + 2] = src[s + 2];
            }
        }
        return new RgbImage(outW, outH, out);
    }
}
