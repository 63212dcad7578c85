package dev.autodidact.cli;

import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.eval.LabeledImages;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.nio.file.Path;

/**
 * A checkpoint and two labeled folders canonicalised at its encoder's input size, with the test classes indexed like
 * the training classes: what {@code eval}, {@code finetune} and the demo's summary start from.
 */
record EvaluationInputs(Checkpoint checkpoint, LabeledImages train, LabeledImages test) {

    static EvaluationInputs load(Path checkpointDir, Path train, Path test) {
        Checkpoint cp = CheckpointDirectory.read(checkpointDir)
                .orElseThrow(() -> new IllegalArgumentException("No checkpoint in " + checkpointDir));
        int size = EncoderSpec.fromMap(cp.manifest().architecture()).inputSize();
        LabeledImages trainSet = LabeledImages.load(train, size, null);
        return new EvaluationInputs(cp, trainSet, LabeledImages.load(test, size, trainSet.classNames()));
    }
}
