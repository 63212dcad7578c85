package dev.autodidact.learner.eval;

import dev.autodidact.learner.embed.FeatureExtractor;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.modality.ModalityKits;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Downstream value of a checkpoint on labeled data of its modality: weighted kNN and a linear probe on its frozen
 * features, next to the same architecture at random initialisation and the modality's raw-feature baseline (pixels for
 * images), all on the same train/test split.
 */
public final class Evaluation {
    private static final int RANDOM_INIT_SEED = 1234;

    private final KnnClassifier knn;
    private final LinearProbe probe;

    public Evaluation(int k, double temperature) {
        this.knn = new KnnClassifier(k, temperature);
        this.probe = LinearProbe.defaults();
    }

    /** Evaluates {@code checkpoint}; keys are stable and end up in the {@code eval} command's JSON line. */
    public Map<String, Object> evaluate(Checkpoint checkpoint, LabeledInputs train, LabeledInputs test) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", checkpoint.manifest().version());
        out.put("method", checkpoint.manifest().method());
        out.put("modality", checkpoint.manifest().modality());
        out.put("step", checkpoint.manifest().step());
        out.put("samples_seen", checkpoint.manifest().samplesSeen());
        EncoderArchitecture spec;
        try (FeatureExtractor trained = FeatureExtractor.fromCheckpoint(checkpoint)) {
            spec = trained.spec();
            FeatureSet tr = train.features(trained.embed(train.inputs()));
            FeatureSet te = test.features(trained.embed(test.inputs()));
            out.put("knn_top1", knn.top1(tr, te));
            out.put("linear_top1", probe.top1(tr, te));
            out.put("embedding_std", RepresentationStats.stdOfNormalized(te.features()));
        }
        try (FeatureExtractor random = FeatureExtractor.randomInit(spec, RANDOM_INIT_SEED)) {
            FeatureSet tr = train.features(random.embed(train.inputs()));
            FeatureSet te = test.features(random.embed(test.inputs()));
            out.put("random_init_knn_top1", knn.top1(tr, te));
            out.put("random_init_linear_top1", probe.top1(tr, te));
        }
        ModalityKit kit = ModalityKits.of(spec.modality());
        FeatureSet rawTrain = train.features(kit.rawFeatures(train.inputs(), spec));
        FeatureSet rawTest = test.features(kit.rawFeatures(test.inputs(), spec));
        out.put("raw_knn_top1", knn.top1(rawTrain, rawTest));
        if (kit.probesRawFeatures()) {
            out.put("raw_linear_top1", probe.top1(rawTrain, rawTest));
        }
        out.put("k", knn.k());
        out.put("train_images", train.inputs().size());
        out.put("test_images", test.inputs().size());
        return out;
    }
}
