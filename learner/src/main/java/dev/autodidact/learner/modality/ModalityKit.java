package dev.autodidact.learner.modality;

import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * What the learner needs to know about one modality beyond the topics: the settings of the encoder a run trains,
 * how raw media from outside (labeled folders for eval and fine-tuning, probe records) become the canonical input
 * with the same {@code media} code the stream-app runs, and the raw-feature baseline evaluation compares against.
 * Adding a modality adds one kit to {@link ModalityKits} and its encoder architectures to
 * {@link EncoderArchitectures}.
 */
public interface ModalityKit {

    Modality modality();

    /** Adds this modality's encoder settings (prefixed, with defaults and docs) to {@code def}. */
    ConfigDef define(ConfigDef def);

    /**
     * The encoder a new run trains, from the settings {@link #define} added: where they leave the choice to the
     * method ({@code auto}), the one that meets {@code requirement}.
     *
     * @throws org.apache.kafka.common.config.ConfigException if the configured encoder cannot meet
     *     {@code requirement}
     */
    EncoderArchitecture encoder(AbstractConfig config, EncoderRequirement requirement);

    /**
     * Decodes raw media bytes (an image file, a WAV, a text) and canonicalises them into {@code encoder}'s canonical
     * input, with the stream-app's own code.
     *
     * @throws IllegalArgumentException if the bytes are not usable media (the message says why)
     */
    Tensor canonical(byte[] media, EncoderArchitecture encoder);

    /**
     * A lightly augmented copy of a canonical input for few-label fine-tuning, still of the canonical shape (for
     * images: a random resized crop of 0.6–1 of the area and a horizontal flip), the same for pretrained and scratch
     * networks.
     */
    Tensor fineTuneView(Tensor input, EncoderArchitecture encoder, SplittableRandom rng);

    /**
     * A new training example from a stored one: fresh views of its clean {@code input}, and fresh masks and targets
     * where the recipe has them, made by the same media recipe the stream-app used (its metadata {@code augment} names
     * it), with randomness from {@code seed}. For replay.
     *
     * @throws IllegalArgumentException if the example lacks its input or its recipe
     */
    Example reaugment(Example stored, long seed);

    /**
     * The features of the raw-input baseline of {@code eval} ({@code raw_knn_top1}): for images the pixels.
     *
     * @param inputs canonical inputs
     * @param encoder the encoder being evaluated, whose input normalisation the baseline shares
     */
    float[][] rawFeatures(List<Tensor> inputs, EncoderArchitecture encoder);

    /**
     * Whether {@code eval} fits a linear probe on {@link #rawFeatures} ({@code raw_linear_top1}) beside their kNN. Yes
     * by default: a learned representation should beat both. The image kit says no: its raw features are all the
     * pixels (3,072 values at 32 px), and the probe's 100 epochs over them would add about a minute to every eval on
     * two cores.
     */
    default boolean probesRawFeatures() {
        return true;
    }
}
