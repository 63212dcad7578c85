package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Pixel reconstruction losses of the dense pretext methods, on (N, C, H, W) predictions and targets in the encoder's
 * normalised input space (so that every channel weighs as the encoder sees it).
 *
 * <ul>
 *   <li>Denoising autoencoder (Vincent et al., "Extracting and Composing Robust Features with Denoising
 *       Autoencoders", ICML 2008), squared-error form: {@code L = mean over n, c, h, w of (x̂ - x)^2}.
 *   <li>Context encoder (Pathak et al., "Context Encoders: Feature Learning by Inpainting", CVPR 2016), the
 *       reconstruction term with mask {@code m} (1 = erased): {@code L = E_m + λ E_(1-m)}, where
 *       {@code E_w = Σ w (x̂ - x)^2 / (C Σ w)} is the mean squared error over the pixels {@code w} selects. The paper
 *       predicts only the erased region plus a thin overlapping border weighted 10x; here the decoder predicts the
 *       whole image and the context pixels get the small weight {@code λ}, which keeps the decoder's output anchored
 *       to the visible image without letting the easy, visible pixels dominate the loss.
 * </ul>
 */
public final class ReconstructionLoss {
    private ReconstructionLoss() {}

    /** Mean squared error over every element: the denoising autoencoder's loss. */
    public static NDArray meanSquared(NDArray prediction, NDArray target) {
        checkPixels("Mean squared error", prediction, target);
        return prediction.sub(target).square().mean();
    }

    /**
     * The context encoder's masked reconstruction loss. A batch without erased (or without visible) pixels gives 0
     * for that term.
     *
     * @param mask (N, H, W), any numeric type, 1 for erased pixels and 0 for the context
     * @param contextWeight {@code λ}, the weight of the context pixels' error, at least 0
     */
    public static NDArray masked(NDArray prediction, NDArray target, NDArray mask, float contextWeight) {
        checkPixels("Masked reconstruction", prediction, target);
        long[] p = prediction.getShape().getShape();
        long[] m = mask.getShape().getShape();
        if (m.length != 3 || m[0] != p[0] || m[1] != p[2] || m[2] != p[3]) {
            throw new IllegalArgumentException(
                    "Mask is " + mask.getShape() + ", the prediction " + prediction.getShape());
        }
        if (!(contextWeight >= 0)) {
            throw new IllegalArgumentException("Context weight must be at least 0, got " + contextWeight);
        }
        NDArray erased = mask.toType(DataType.FLOAT32, false).expandDims(1);
        NDArray context = erased.neg().add(1f);
        NDArray error = prediction.sub(target).square();
        float channels = p[1];
        NDArray inside = error.mul(erased).sum().div(erased.sum().mul(channels).maximum(1f));
        NDArray outside =
                error.mul(context).sum().div(context.sum().mul(channels).maximum(1f));
        return inside.add(outside.mul(contextWeight));
    }

    private static void checkPixels(String loss, NDArray prediction, NDArray target) {
        if (!prediction.getShape().equals(target.getShape())
                || prediction.getShape().dimension() != 4) {
            throw new IllegalArgumentException(loss + " needs (N, C, H, W) prediction and target of one shape, got "
                    + prediction.getShape() + " and " + target.getShape());
        }
    }
}
