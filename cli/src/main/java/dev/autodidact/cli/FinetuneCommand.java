package dev.autodidact.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.learner.finetune.FewLabelEvaluation;
import dev.autodidact.learner.finetune.FineTuneMode;
import dev.autodidact.learner.finetune.FineTuneSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fine-tunes a checkpoint's encoder on N labels per class and compares it with the same network from scratch. */
@Command(
        name = "finetune",
        mixinStandardHelpOptions = true,
        description = "Fine-tune a checkpoint's encoder with a new head on N labels per class, train the identical "
                + "network from random initialisation on the same labels, print one JSON line, save a DJL model.")
public final class FinetuneCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "Checkpoint directory.")
    Path checkpoint;

    @Option(
            names = "--train",
            required = true,
            description = "Labeled images <root>/<class>/<file>; N per class are drawn.")
    Path train;

    @Option(names = "--test", required = true, description = "Labeled test images.")
    Path test;

    @Option(names = "--labels-per-class", required = true, description = "Labeled examples per class.")
    int labelsPerClass;

    @Option(
            names = "--mode",
            defaultValue = "linear",
            description = "linear (head only) or full (default: ${DEFAULT-VALUE}).")
    FineTuneMode mode;

    @Option(
            names = "--steps",
            defaultValue = "300",
            description = "Optimizer steps for each network (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--learning-rate",
            defaultValue = "0.001",
            description = "Head learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Seed of the label draw and training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "Where to save the fine-tuned model (a DJL model directory).")
    Path out;

    @Override
    public Integer call() throws Exception {
        EvaluationInputs in = EvaluationInputs.load(checkpoint, train, test);
        FineTuneSettings defaults = FineTuneSettings.defaults(labelsPerClass, mode);
        FineTuneSettings settings = new FineTuneSettings(
                labelsPerClass,
                mode,
                steps,
                defaults.batchSize(),
                learningRate,
                defaults.encoderLearningRateScale(),
                defaults.weightDecay(),
                seed);
        System.out.println(new ObjectMapper()
                .writeValueAsString(FewLabelEvaluation.run(
                        in.checkpoint(), in.train(), in.test(), settings, Optional.ofNullable(out))));
        return 0;
    }
}
