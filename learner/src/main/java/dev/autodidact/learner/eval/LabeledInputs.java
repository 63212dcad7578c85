package dev.autodidact.learner.eval;

import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.modality.ModalityKits;
import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.media.source.SkipListener;
import dev.autodidact.media.source.ZipLimits;
import dev.autodidact.schema.example.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labeled folder of media of any modality ({@code <root>/<class>/<file>}, or {@code <root>/<class>.zip}) decoded and
 * canonicalised by the modality's kit with the same media code the stream-app uses, so evaluation sees what training
 * saw.
 *
 * @param inputs canonical inputs of the encoder
 * @param labels index of each input's class in {@code classNames}
 * @param classNames class names in index order
 */
public record LabeledInputs(List<Tensor> inputs, int[] labels, List<String> classNames) {

    /** Loads {@code root} with the kit of {@code encoder}'s modality, as {@link #load(Path, ModalityKit, EncoderArchitecture, List)}. */
    public static LabeledInputs load(Path root, EncoderArchitecture encoder, List<String> classNames) {
        return load(root, ModalityKits.of(encoder.modality()), encoder, classNames);
    }

    /**
     * Loads every file under {@code root} as a canonical input of {@code encoder}; class indices follow
     * {@code classNames} when given, else sorted names.
     *
     * @throws IllegalArgumentException if a file is not usable media, has an unknown class, or there is none
     */
    public static LabeledInputs load(Path root, ModalityKit kit, EncoderArchitecture encoder, List<String> classNames) {
        List<MediaFile> files;
        try {
            files = MediaFiles.list(root, MediaKind.of(kit.modality().id()), ZipLimits.DEFAULT, SkipListener.LOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
        List<String> classes = classNames != null
                ? classNames
                : files.stream()
                        .map(MediaFile::label)
                        .filter(l -> l != null)
                        .distinct()
                        .sorted()
                        .toList();
        List<Tensor> inputs = new ArrayList<>(files.size());
        List<Integer> labels = new ArrayList<>(files.size());
        for (MediaFile f : files) {
            int label = f.label() == null ? -1 : classes.indexOf(f.label());
            if (label < 0) {
                throw new IllegalArgumentException(
                        "File " + f.id() + " under " + root + " has class '" + f.label() + "', not one of " + classes);
            }
            try {
                inputs.add(kit.canonical(f.readAllBytes(), encoder));
                labels.add(label);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot use " + f.id() + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + f.id(), e);
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("No " + kit.modality().id() + " files under " + root);
        }
        return new LabeledInputs(
                inputs, labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    public FeatureSet features(float[][] vectors) {
        return new FeatureSet(vectors, labels, classNames.size(), classNames);
    }
}
