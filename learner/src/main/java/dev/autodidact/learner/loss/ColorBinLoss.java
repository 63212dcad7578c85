package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The classification loss of colorization (Zhang, Isola and Efros, "Colorful Image Colorization", ECCV 2016, eq. 2):
 * the CIE Lab chroma (a*, b*) is quantised into bins and the network predicts a distribution over them, trained by
 * cross-entropy, {@code L = -mean over cells of log softmax(z)[bin(a, b)]}. Regressing (a, b) with a squared error
 * instead averages the plausible colours of an object into a desaturated, sepia mean, as the paper shows; a
 * distribution keeps them apart.
 *
 * <p>Chroma arrives as a* / 128 and b* / 128, so [-1, 1] covers the whole sRGB gamut (a* lies in about [-86, 98], b* in
 * [-108, 95]). The bins are a {@code q x q} grid over [-1, 1]^2, class {@code ia * q + ib} with
 * {@code ia = clamp(floor((a + 1) q / 2), 0, q - 1)}; the default q = 16 gives bins of 16 Lab units, a little wider
 * than the paper's 10 (its 313 in-gamut bins). The target is the chroma averaged over each cell of the prediction's
 * grid (one cell per position of the encoder's feature map) and hard-assigned to its bin: the paper's soft encoding
 * over 5 neighbouring bins and its class rebalancing (which favours rare, saturated colours for vivid pictures) are
 * not used, since what is wanted here is the encoder's representation, not the picture.
 */
public final class ColorBinLoss {
    /** Most bins per chroma axis: {@code q^2} logits per cell. */
    public static final int MAX_BINS = 64;

    private ColorBinLoss() {}

    /** The bin of one chroma value (a* / 128 or b* / 128) on a grid of {@code q} bins over [-1, 1]. */
    public static int bin(float value, int q) {
        int i = (int) Math.floor((value + 1f) * (q / 2f));
        return Math.min(Math.max(i, 0), q - 1);
    }

    /** The class of a chroma pair: {@code bin(a) * q + bin(b)}. */
    public static int classOf(float a, float b, int q) {
        return bin(a, q) * q + bin(b, q);
    }

    /**
     * {@link #classOf} of every pair.
     *
     * @param chroma (..., 2) float, a* / 128 and b* / 128
     * @return (...) int64 classes in [0, q^2)
     */
    public static NDArray classes(NDArray chroma, int q) {
        checkBins(q);
        long[] shape = chroma.getShape().getShape();
        if (shape.length < 1 || shape[shape.length - 1] != 2) {
            throw new IllegalArgumentException("Chroma needs a last axis of 2 (a, b), got " + chroma.getShape());
        }
        int last = shape.length - 1;
        NDArray bins =
                chroma.reshape(-1, 2).add(1f).mul(q / 2f).floor().clip(0, q - 1).toType(DataType.INT64, false);
        NDArray a = bins.get(":, 0");
        NDArray b = bins.get(":, 1");
        return a.mul(q).add(b).reshape(chroma.getShape().slice(0, last));
    }

    /**
     * The chroma averaged over {@code side x side} cells: (N, H, W, 2) to (N, side, side, 2), each cell the mean of
     * the (H / side) x (W / side) pixels under it.
     *
     * @throws IllegalArgumentException unless {@code side} divides H and W
     */
    public static NDArray cellMeans(NDArray chroma, int side) {
        long[] s = chroma.getShape().getShape();
        if (s.length != 4 || s[3] != 2 || side < 1 || s[1] % side != 0 || s[2] % side != 0) {
            throw new IllegalArgumentException(
                    "Cannot average chroma " + chroma.getShape() + " over " + side + "x" + side + " cells");
        }
        long fy = s[1] / side;
        long fx = s[2] / side;
        return chroma.reshape(s[0], side, fy, side, fx, 2).mean(new int[] {4}).mean(new int[] {2});
    }

    /**
     * The cross-entropy of the predicted bin logits against the binned cell chroma.
     *
     * @param logits (N, q^2, s, s), the prediction for each cell
     * @param chroma (N, H, W, 2) float, a* / 128 and b* / 128 of each pixel; H and W multiples of s
     */
    public static NDArray compute(NDArray logits, NDArray chroma, int q) {
        checkBins(q);
        long[] l = logits.getShape().getShape();
        if (l.length != 4 || l[1] != (long) q * q || l[2] != l[3]) {
            throw new IllegalArgumentException("Colour logits need (N, " + q * q + ", s, s), got " + logits.getShape());
        }
        if (chroma.getShape().get(0) != l[0]) {
            throw new IllegalArgumentException(
                    "Chroma " + chroma.getShape() + " and logits " + logits.getShape() + " differ in batch size");
        }
        NDArray target = classes(cellMeans(chroma, (int) l[2]), q).expandDims(3);
        NDArray logProbabilities = logits.transpose(0, 2, 3, 1).logSoftmax(3);
        return logProbabilities.gather(target, 3).mean().neg();
    }

    private static void checkBins(int q) {
        if (q < 2 || q > MAX_BINS) {
            throw new IllegalArgumentException("Colour bins per axis must be in [2, " + MAX_BINS + "], got " + q);
        }
    }
}
