package dev.autodidact.media.image.pretext;

/**
 * sRGB (IEC 61966-2-1, D65 white) to and from CIE 1976 L*a*b* relative to the D65 white point, the colour space of
 * colorization (Zhang, Isola and Efros, "Colorful Image Colorization", ECCV 2016): L* in [0, 100] is what the network
 * sees, a* and b* (roughly [-128, 127]) what it predicts. The sRGB primaries' matrix rows sum to the white point, so
 * every gray has a* = b* = 0 up to rounding. {@link StrictMath} keeps the results identical on every JVM, which the
 * learner's replay relies on to rebuild the same targets as the stream-app.
 */
public final class CieLab {
    /** The D65 white point, X and Z (Y = 1). */
    private static final double WHITE_X = 0.95047;

    private static final double WHITE_Z = 1.08883;
    /** The threshold (6/29)^3 of the cube-root segment of f, and the slope and offset of its linear segment. */
    private static final double DELTA = 6.0 / 29.0;

    private static final double DELTA_CUBED = DELTA * DELTA * DELTA;
    private static final double LINEAR_SLOPE = 1.0 / (3 * DELTA * DELTA);
    private static final double LINEAR_OFFSET = 4.0 / 29.0;
    /** Linear-light value of each 8-bit sRGB code. */
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < LINEAR.length; i++) {
            LINEAR[i] = toLinear(i / 255.0);
        }
    }

    private CieLab() {}

    /**
     * @param r red, 0..255
     * @param g green, 0..255
     * @param b blue, 0..255
     * @param lab receives L*, a*, b* at indices 0, 1, 2
     */
    public static void fromSrgb(int r, int g, int b, double[] lab) {
        double lr = LINEAR[r & 0xFF];
        double lg = LINEAR[g & 0xFF];
        double lb = LINEAR[b & 0xFF];
        double x = 0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = 0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb;
        double fx = f(x / WHITE_X);
        double fy = f(y);
        double fz = f(z / WHITE_Z);
        lab[0] = 116 * fy - 16;
        lab[1] = 500 * (fx - fy);
        lab[2] = 200 * (fy - fz);
    }

    /**
     * @param l L*
     * @param a a*
     * @param b b*
     * @return the sRGB colour packed as {@code 0xRRGGBB}, each channel rounded and clamped to 0..255 (colours outside
     *     the sRGB gamut are clipped)
     */
    public static int toSrgb(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double x = WHITE_X * fInverse(fy + a / 500);
        double y = fInverse(fy);
        double z = WHITE_Z * fInverse(fy - b / 200);
        double lr = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double lg = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double lb = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return toByte(lr) << 16 | toByte(lg) << 8 | toByte(lb);
    }

    /**
     * @param l L*, 0..100
     * @return the 8-bit sRGB gray of that lightness ({@code r = g = b}), rounded: what a grayscale colorization input
     *     shows
     */
    public static int gray(double l) {
        return toByte(fInverse((l + 16) / 116));
    }

    private static double f(double t) {
        return t > DELTA_CUBED ? StrictMath.cbrt(t) : t * LINEAR_SLOPE + LINEAR_OFFSET;
    }

    private static double fInverse(double t) {
        return t > DELTA ? t * t * t : (t - LINEAR_OFFSET) / LINEAR_SLOPE;
    }

    private static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : StrictMath.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int toByte(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * StrictMath.pow(linear, 1 / 2.4) - 0.055;
        long code = Math.round(c * 255);
        return (int) Math.max(0, Math.min(255, code));
    }
}
