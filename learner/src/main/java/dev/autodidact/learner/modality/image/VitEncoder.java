package dev.autodidact.learner.modality.image;

import ai.djl.nn.Block;
import dev.autodidact.learner.model.PatchTransformer;
import dev.autodidact.learner.model.TransformerBlock;
import java.util.function.Supplier;

/**
 * A Vision Transformer (Dosovitskiy et al. 2021) as MAE trains it (He et al. 2022), on square RGB images: the
 * {@link PatchTransformer} over the square patch grid of {@link VitEncoderSpec}, which takes that grid only (its
 * spec's check admits one image size). The representation is the mean of the final token states, (N, dim); given the
 * kept patch indices as a second input, it runs the blocks on the kept tokens only and returns their states, (N, V,
 * dim), as MAE's encoder does.
 */
final class VitEncoder extends PatchTransformer {

    VitEncoder(VitEncoderSpec spec) {
        this(spec, () -> new TransformerBlock(spec.dim(), spec.heads(), spec.dim() * spec.mlpRatio()));
    }

    /** With the Transformer blocks {@code blockFactory} makes (tests observe the sequence the blocks see). */
    VitEncoder(VitEncoderSpec spec, Supplier<? extends Block> blockFactory) {
        super(layout(spec), blockFactory);
    }

    private static Layout layout(VitEncoderSpec spec) {
        return new Layout(
                spec.gridSide(),
                spec.gridSide(),
                spec.patchSize(),
                spec.dim(),
                spec.depth(),
                spec.heads(),
                spec.mlpRatio(),
                false);
    }
}
