package dev.autodidact.learner.finetune;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.schema.example.Tensor;
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

    private FineTunedModel() {}

    /** Writes {@code classifier}'s parameters and its description into {@code dir}. */
    public static void save(Path dir, Classifier classifier, List<String> classes, Map<String, Object> info) {
        try (Model model = Model.newInstance(NAME)) {
            Files.createDirectories(dir);
            model.setBlock(classifier.network());
            model.save(dir, NAME);
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(
                            dir.resolve(DESCRIPTION).toFile(),
                            Map.of("architecture", classifier.spec().toMap(), "classes", classes, "info", info));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the fine-tuned model to " + dir, e);
        }
    }

    /**
     * DJL criteria that load the model in {@code dir}: it classifies canonical inputs of its encoder (for images, what
     * {@code ImageKit.canonical} makes of an image file).
     */
    public static Criteria<Tensor, Classifications> criteria(Path dir) {
        try {
            Map<?, ?> description = JSON.readValue(dir.resolve(DESCRIPTION).toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, String> architecture = (Map<String, String>) description.get("architecture");
            @SuppressWarnings("unchecked")
            List<String> classes = (List<String>) description.get("classes");
            EncoderArchitecture spec = EncoderArchitectures.fromMap(architecture);
            return Criteria.builder()
                    .setTypes(Tensor.class, Classifications.class)
                    .optModelPath(dir)
                    .optModelName(NAME)
                    .optEngine("PyTorch")
                    .optBlock(new Classifier(spec, classes.size()).network())
                    .optTranslator(new ClassifierTranslator(spec, classes))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Not a fine-tuned model directory: " + dir, e);
        }
    }

    /** Loads the model in {@code dir}; close it after use. */
    public static ZooModel<Tensor, Classifications> load(Path dir) {
        try {
            return criteria(dir).loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Could not load the fine-tuned model in " + dir, e);
        }
    }
}
