package dev.autodidact.learner.modality;

import dev.autodidact.learner.modality.audio.AudioConvEncoderSpec;
import dev.autodidact.learner.modality.audio.AudioVitEncoderSpec;
import dev.autodidact.learner.modality.audio.AudioWaveformEncoderSpec;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.modality.image.VitEncoderSpec;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The encoder architectures by the name a manifest gives them. Adding an architecture adds one entry: its name and
 * how it reads itself from manifest entries.
 */
public final class EncoderArchitectures {
    private static final Map<String, Function<Map<String, String>, EncoderArchitecture>> READERS = new TreeMap<>(Map.of(
            ConvEncoderSpec.NAME,
            ConvEncoderSpec::fromMap,
            VitEncoderSpec.NAME,
            VitEncoderSpec::fromMap,
            AudioConvEncoderSpec.NAME,
            AudioConvEncoderSpec::fromMap,
            AudioVitEncoderSpec.NAME,
            AudioVitEncoderSpec::fromMap,
            AudioWaveformEncoderSpec.NAME,
            AudioWaveformEncoderSpec::fromMap));

    private EncoderArchitectures() {}

    /**
     * The architecture a manifest describes. Manifests written before the {@code encoder} entry was read hold conv
     * encoders.
     *
     * @throws IllegalArgumentException if the architecture is unknown or its entries are missing, invalid or over
     *     their caps
     */
    public static EncoderArchitecture fromMap(Map<String, String> architecture) {
        String name = architecture.getOrDefault(EncoderArchitecture.ENCODER, ConvEncoderSpec.NAME);
        Function<Map<String, String>, EncoderArchitecture> reader = READERS.get(name);
        if (reader == null) {
            throw new IllegalArgumentException(
                    "Unknown encoder architecture '" + name + "'; known: " + READERS.keySet());
        }
        return reader.apply(architecture);
    }
}
