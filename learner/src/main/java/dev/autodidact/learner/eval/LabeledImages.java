package dev.autodidact.learner.eval;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.image.ImageCanonicalizer;
import dev.autodidact.media.image.ImageDecoder;
import dev.autodidact.media.image.ImageLimits;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.schema.CleanImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labeled image folder ({@code <root>/<class>/<file>}, or {@code <root>/<class>.zip}) decoded and canonicalised
 * with the same media code the stream-app uses, so evaluation sees what training saw.
 *
 * @param images canonical images
 * @param labels index of each image's class in {@code classNames}
 * @param classNames class names in index order
 */
public record LabeledImages(List<CleanImage> images, int[] labels, List<String> classNames) {

    /** Loads every image under {@code root}; class indices follow {@code classNames} when given, else sorted names. */
    public static LabeledImages load(Path root, int size, List<String> classNames) {
        List<MediaFile> files;
        try {
            files = MediaFiles.list(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
        List<String> classes = classNames != null ? classNames
                : files.stream().map(MediaFile::label).filter(l -> l != null).distinct().sorted().toList();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        ImageCanonicalizer canonical = new ImageCanonicalizer(size);
        List<CleanImage> images = new ArrayList<>(files.size());
        List<Integer> labels = new ArrayList<>(files.size());
        for (MediaFile f : files) {
            int label = f.label() == null ? -1 : classes.indexOf(f.label());
            if (label < 0) {
                throw new IllegalArgumentException("Image " + f.id() + " under " + root + " has class '" + f.label()
                        + "', not one of " + classes);
            }
            try {
                RgbImage img = canonical.canonicalize(decoder.decode(f.readAllBytes()));
                images.add(new CleanImage(img.width(), img.height(), img.pixels()));
                labels.add(label);
            } catch (MediaRejectedException e) {
                throw new IllegalArgumentException("Cannot use " + f.id() + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + f.id(), e);
            }
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No images under " + root);
        }
        return new LabeledImages(images, labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    public FeatureSet features(float[][] vectors) {
        return new FeatureSet(vectors, labels, classNames.size(), classNames);
    }
}
