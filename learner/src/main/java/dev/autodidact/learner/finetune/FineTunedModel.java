package dev.autodidact.learner.finetune;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.learner.model.EncoderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuned classifier on disk: a DJL model directory ({@code autodidact-classifier-0000.params}) plus
 * {@code classifier.json} with the encoder architecture and the class names, which {@link #criteria(Path)} needs to
 * rebuild the block and the translator.
 */
public final class FineTunedModel {
    public static final String NAME = "autodidact-classifier";
    private static final String DESCRIPTION = "classifier.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FineTunedModel() {
    }

    /** Writes {@code classifier}'s parameters and its description into {@code dir}. */
    public static void save(Path dir, ImageClassifier classifier, List<String> classes, Map<String, Object> info) {
        try (Model model = Model.newInstance(NAME)) {
            Files.createDirectories(dir);
            model.setBlock(classifier.network());
            model.save(dir, NAME);
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(DESCRIPTION).toFile(), Map.of(
                    "architecture", classifier.spec().toMap(), "classes", classes, "info", info));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the fine-tuned model to " + dir, e);
        }
    }

    /** DJL criteria that load the model in {@code dir} for image classification. */
    public static Criteria<Image, Classifications> criteria(Path dir) {
        try {
            Map<?, ?> description = JSON.readValue(dir.resolve(DESCRIPTION).toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, String> architecture = (Map<String, String>) description.get("architecture");
            @SuppressWarnings("unchecked")
            List<String> classes = (List<String>) description.get("classes");
            EncoderSpec spec = EncoderSpec.fromMap(architecture);
            return Criteria.builder().setTypes(Image.class, Classifications.class)
                    .optModelPath(dir).optModelName(NAME).optEngine("PyTorch")
                    .optBlock(new ImageClassifier(spec, classes.size()).network())
                    .optTranslator(new ImageClassifierTranslator(spec, classes))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Not a fine-tuned model directory: " + dir, e);
        }
    }

    /** Loads the model in {@code dir}; close it after use. */
    public static ZooModel<Image, Classifications> load(Path dir) {
        try {
            return criteria(dir).loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Could not load the fine-tuned model in " + dir, e);
        }
    }
}
