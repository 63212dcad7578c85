package dev.autodidact.learner.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.eval.LabeledInputs;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.learner.modality.ModalityKits;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payoff measurement: the pretrained encoder fine-tuned on N labels per class against the identical network
 * trained from random initialisation on the same N labels with the same steps, mode and augmentation.
 */
public final class FewLabelEvaluation {
    private FewLabelEvaluation() {}

    /** Runs both and returns the {@code finetune} command's JSON fields; saves the fine-tuned model to {@code out}. */
    public static Map<String, Object> run(
            Checkpoint checkpoint,
            LabeledInputs train,
            LabeledInputs test,
            FineTuneSettings settings,
            Optional<Path> out) {
        EncoderArchitecture spec =
                EncoderArchitectures.fromMap(checkpoint.manifest().architecture());
        int classes = train.classNames().size();
        int[] labeled = FewLabelSampler.sample(train.labels(), classes, settings.labelsPerClass(), settings.seed());
        FineTuner tuner = new FineTuner(settings, ModalityKits.of(spec.modality()));
        Map<String, Object> result = new LinkedHashMap<>();
        try (NDManager root = NDManager.newBaseManager(Engine.getInstance().defaultDevice())) {
            Engine.getInstance().setRandomSeed((int) settings.seed());
            Classifier pretrained = new Classifier(spec, classes).initialize(root);
            pretrained.loadEncoder(root, checkpoint.section(SslMethod.ENCODER_SECTION));
            tuner.train(root, pretrained, train, labeled, true);
            result.put("finetune_top1", FineTuner.accuracy(root, pretrained, test));

            Engine.getInstance().setRandomSeed((int) settings.seed());
            Classifier scratch = new Classifier(spec, classes).initialize(root);
            tuner.train(root, scratch, train, labeled, false);
            result.put("scratch_top1", FineTuner.accuracy(root, scratch, test));

            result.put("labels_per_class", settings.labelsPerClass());
            result.put("labeled_examples", labeled.length);
            result.put("mode", settings.mode().id());
            result.put("steps", settings.steps());
            result.put("version", checkpoint.manifest().version());
            result.put("method", checkpoint.manifest().method());
            result.put("modality", checkpoint.manifest().modality());
            out.ifPresent(dir -> FineTunedModel.save(dir, pretrained, train.classNames(), result));
        }
        return result;
    }
}
