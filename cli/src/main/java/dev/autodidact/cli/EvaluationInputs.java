package dev.autodidact.cli;

import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.eval.LabeledInputs;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.nio.file.Path;

/**
 * A checkpoint and two labeled folders canonicalised for its encoder by the kit of its modality, with the test classes indexed like
 * the training classes: what {@code eval}, {@code finetune} and the demo's summary start from.
 */
record EvaluationInputs(Checkpoint checkpoint, LabeledInputs train, LabeledInputs test) {

    static EvaluationInputs load(Path checkpointDir, Path train, Path test) {
        Checkpoint cp = CheckpointDirectory.read(checkpointDir)
                .orElseThrow(() -> new IllegalArgumentException("No checkpoint in " + checkpointDir));
        EncoderArchitecture encoder = EncoderArchitectures.fromMap(cp.manifest().architecture());
        LabeledInputs trainSet = LabeledInputs.load(train, encoder, null);
        return new EvaluationInputs(cp, trainSet, LabeledInputs.load(test, encoder, trainSet.classNames()));
    }
}
