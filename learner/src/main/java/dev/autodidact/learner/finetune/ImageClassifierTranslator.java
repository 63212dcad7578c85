package dev.autodidact.learner.finetune;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.media.image.ImageCanonicalizer;
import dev.autodidact.media.image.RgbImage;
import java.util.List;

/**
 * Serves a fine-tuned classifier through DJL: any {@link Image} is canonicalised exactly as the stream-app does
 * (shorter side to the input size, centre crop, the encoder's normalisation) and the logits become
 * {@link Classifications} over the class names.
 */
public final class ImageClassifierTranslator implements Translator<Image, Classifications> {
    private final EncoderSpec spec;
    private final List<String> classes;
    private final ImageCanonicalizer canonicalizer;

    public ImageClassifierTranslator(EncoderSpec spec, List<String> classes) {
        this.spec = spec;
        this.classes = List.copyOf(classes);
        this.canonicalizer = new ImageCanonicalizer(spec.inputSize());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        NDArray hwc = input.toNDArray(ctx.getNDManager(), Image.Flag.COLOR);
        int h = (int) hwc.getShape().get(0);
        int w = (int) hwc.getShape().get(1);
        RgbImage image = canonicalizer.canonicalize(new RgbImage(w, h, hwc.toType(
                ai.djl.ndarray.types.DataType.UINT8, false).toByteArray()));
        int size = spec.inputSize();
        return new NDList(ctx.getNDManager().create(image.toChwFloats(spec.mean(), spec.std()),
                new Shape(3, size, size)));
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return new Classifications(classes, list.singletonOrThrow().softmax(0));
    }
}
