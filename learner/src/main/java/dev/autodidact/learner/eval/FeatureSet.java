package dev.autodidact.learner.eval;

import dev.autodidact.learner.eval.internal.L2Normalization;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled set of embeddings: row {@code i} of {@code features} is the embedding of a sample whose class is {@code
 * labels[i]}, an index into {@code classNames}.
 *
 * <p>Validated on construction: at least one row, every row of the same non-zero length and finite, one label per
 * row with {@code 0 <= label < numClasses}, and exactly {@code numClasses} class names. The arrays are held as given,
 * not copied (they can be large); callers must not change them afterwards. Being arrays, they take part in {@code
 * equals} by identity.
 */
public record FeatureSet(float[][] features, int[] labels, int numClasses, List<String> classNames) {

    public FeatureSet {
        if (features == null || labels == null || classNames == null) {
            throw new IllegalArgumentException("features, labels and classNames are required");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("A feature set needs at least one row");
        }
        if (features.length != labels.length) {
            throw new IllegalArgumentException(
                    "Got " + features.length + " feature rows but " + labels.length + " labels");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        if (classNames.size() != numClasses) {
            throw new IllegalArgumentException(
                    "Got " + classNames.size() + " class names for " + numClasses + " classes");
        }
        validateRows(features);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "Label " + labels[i] + " of row " + i + " is outside [0, " + numClasses + ")");
            }
        }
        classNames = List.copyOf(classNames);
    }

    /** A feature set whose classes are named {@code "0"}, {@code "1"}, ... */
    public static FeatureSet of(float[][] features, int[] labels, int numClasses) {
        List<String> names = new ArrayList<>(Math.max(numClasses, 0));
        for (int c = 0; c < numClasses; c++) {
            names.add(Integer.toString(c));
        }
        return new FeatureSet(features, labels, numClasses, names);
    }

    /** Number of rows. */
    public int size() {
        return features.length;
    }

    /** Length of each row. */
    public int dimension() {
        return features[0].length;
    }

    /**
     * A copy whose rows are divided by their Euclidean norm, {@code x / max(||x||_2, 1e-12)} (as PyTorch's {@code
     * F.normalize}); labels and class names are shared.
     */
    public FeatureSet l2Normalized() {
        return new FeatureSet(L2Normalization.normalizedCopy(features), labels, numClasses, classNames);
    }

    private static void validateRows(float[][] features) {
        int d = features[0] == null ? 0 : features[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("Feature rows must not be empty");
        }
        for (int i = 0; i < features.length; i++) {
            float[] row = features[i];
            if (row == null || row.length != d) {
                throw new IllegalArgumentException("Row " + i + " does not have the dimension " + d + " of row 0");
            }
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("Row " + i + " holds a non-finite value " + v);
                }
            }
        }
    }
}
