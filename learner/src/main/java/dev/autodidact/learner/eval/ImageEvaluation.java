package dev.autodidact.learner.eval;

import dev.autodidact.learner.embed.FeatureExtractor;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downstream value of a checkpoint on labeled images: weighted kNN and a linear probe on its frozen features, next to
 * the same architecture at random initialisation and raw pixels, all on the same train/test split.
 */
public final class ImageEvaluation {
    private static final int RANDOM_INIT_SEED = 1234;

    private final KnnClassifier knn;
    private final LinearProbe probe;

    public ImageEvaluation(int k, double temperature) {
        this.knn = new KnnClassifier(k, temperature);
        this.probe = LinearProbe.defaults();
    }

    /** Evaluates {@code checkpoint}; keys are stable and end up in the {@code eval} command's JSON line. */
    public Map<String, Object> evaluate(Checkpoint checkpoint, LabeledImages train, LabeledImages test) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", checkpoint.manifest().version());
        out.put("method", checkpoint.manifest().method());
        out.put("modality", checkpoint.manifest().modality());
        out.put("step", checkpoint.manifest().step());
        out.put("samples_seen", checkpoint.manifest().samplesSeen());
        EncoderSpec spec;
        try (FeatureExtractor trained = FeatureExtractor.fromCheckpoint(checkpoint)) {
            spec = trained.spec();
            FeatureSet tr = train.features(trained.embed(train.images()));
            FeatureSet te = test.features(trained.embed(test.images()));
            out.put("knn_top1", knn.top1(tr, te));
            out.put("linear_top1", probe.top1(tr, te));
            out.put("embedding_std", RepresentationStats.stdOfNormalized(te.features()));
        }
        try (FeatureExtractor random = FeatureExtractor.randomInit(spec, RANDOM_INIT_SEED)) {
            FeatureSet tr = train.features(random.embed(train.images()));
            FeatureSet te = test.features(random.embed(test.images()));
            out.put("random_init_knn_top1", knn.top1(tr, te));
            out.put("random_init_linear_top1", probe.top1(tr, te));
        }
        out.put("raw_knn_top1", knn.top1(train.features(pixels(train.images(), spec)),
                test.features(pixels(test.images(), spec))));
        out.put("k", knn.k());
        out.put("train_images", train.images().size());
        out.put("test_images", test.images().size());
        return out;
    }

    /** Normalised pixels as features: the baseline any representation must beat. */
    static float[][] pixels(List<CleanImage> images, EncoderSpec spec) {
        float[][] out = new float[images.size()][];
        for (int i = 0; i < out.length; i++) {
            CleanImage c = images.get(i);
            out[i] = new RgbImage(c.width(), c.height(), c.pixels()).toChwFloats(spec.mean(), spec.std());
        }
        return out;
    }
}
