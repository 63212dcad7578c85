package dev.autodidact.learner.modality;

import dev.autodidact.learner.modality.audio.AudioKit;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.schema.Modality;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The modalities the learner supports, by {@link Modality}. */
public final class ModalityKits {
    private static final Map<Modality, ModalityKit> KITS =
            new EnumMap<>(Map.of(Modality.IMAGE, new ImageKit(), Modality.AUDIO, new AudioKit()));

    private ModalityKits() {}

    public static Optional<ModalityKit> find(Modality modality) {
        return Optional.ofNullable(KITS.get(modality));
    }

    /** @throws IllegalArgumentException if the learner cannot learn from {@code modality} yet */
    public static ModalityKit of(Modality modality) {
        return find(modality)
                .orElseThrow(() -> new IllegalArgumentException("The learner does not support the " + modality.id()
                        + " modality yet; supported: " + supported()));
    }

    public static Set<Modality> supported() {
        return KITS.keySet();
    }
}
