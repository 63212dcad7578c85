package dev.autodidact.learner.finetune;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.example.Tensor;
import java.util.List;

/**
 * Serves a fine-tuned classifier through DJL: a canonical input of the encoder (as the modality's kit makes it from
 * raw media, exactly as the stream-app does) goes through the encoder's own input normalisation, and the logits
 * become {@link Classifications} over the class names.
 */
public final class ClassifierTranslator implements Translator<Tensor, Classifications> {
    private final EncoderArchitecture spec;
    private final List<String> classes;

    public ClassifierTranslator(EncoderArchitecture spec, List<String> classes) {
        this.spec = spec;
        this.classes = List.copyOf(classes);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Tensor input) {
        spec.checkInput(input, true);
        return new NDList(spec.input(ctx.getNDManager(), List.of(input)).squeeze(0));
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return new Classifications(classes, list.singletonOrThrow().softmax(0));
    }
}
