package dev.autodidact.media.audio.internal;

/**
 * The low-pass kernel of band-limited resampling: an ideal low-pass filter's impulse response (a sinc) cut to a finite
 * length by a Kaiser window, whose one parameter {@code beta} trades main-lobe width (the transition band) against
 * side-lobe height (the stop-band attenuation): about {@code 0.1102 (A - 8.7)} for {@code A} dB (Kaiser, 1974).
 */
public final class KaiserSinc {
    private final double cutoff;
    private final double halfWidth;
    private final double beta;
    private final double i0Beta;

    /**
     * @param cutoff the filter's cut-off as a fraction of the input rate's Nyquist frequency, in {@code (0, 1]}: the
     *     sinc's zeros lie {@code 1 / cutoff} input samples apart
     * @param zeroCrossings how many of the sinc's zeros each side of the centre the window keeps
     * @param beta the Kaiser window's shape parameter
     */
    public KaiserSinc(double cutoff, int zeroCrossings, double beta) {
        this.cutoff = cutoff;
        this.halfWidth = zeroCrossings / cutoff;
        this.beta = beta;
        this.i0Beta = besselI0(beta);
    }

    /** @return how far from the centre, in input samples, the kernel is non-zero */
    public double halfWidth() {
        return halfWidth;
    }

    /**
     * @param t distance from the centre, in input samples
     * @return the kernel's value there: {@code cutoff * sinc(cutoff * t) * kaiser(t / halfWidth)}, with unit gain at
     *     zero frequency
     */
    public double at(double t) {
        double x = t / halfWidth;
        if (x <= -1 || x >= 1) {
            return 0;
        }
        double window = besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
        double arg = Math.PI * cutoff * t;
        double sinc = Math.abs(arg) < 1e-12 ? 1 : Math.sin(arg) / arg;
        return cutoff * sinc * window;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series (converges for any x). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
