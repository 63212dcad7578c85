package dev.autodidact.connectors.internal;

import dev.autodidact.schema.Modality;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts a modality id that the directory walker can find files for: {@code MediaFiles} lists images or WAV
 * recordings ({@link dev.autodidact.media.source.MediaKind}), so text is refused here rather than published under the
 * wrong topic.
 */
public final class ModalityValidator implements ConfigDef.Validator {
    private static final Set<Modality> SUPPORTED = Set.of(Modality.IMAGE, Modality.AUDIO);

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "A modality is required; supported: " + supported());
        }
        Modality modality;
        try {
            modality = Modality.of(value.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
        if (!SUPPORTED.contains(modality)) {
            throw new ConfigException(
                    name,
                    value,
                    "The directory source cannot read " + modality.id() + " files yet; supported: " + supported());
        }
    }

    @Override
    public String toString() {
        return supported();
    }

    private static String supported() {
        return SUPPORTED.stream().map(Modality::id).sorted().toList().toString();
    }
}
