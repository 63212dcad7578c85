package dev.autodidact.streams.internal;

import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.method.MethodCatalog;
import dev.autodidact.schema.method.MethodEntry;
import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The recipes of the audio modality, chosen by the {@link ExampleRecipe} each method names in the
 * {@link MethodCatalog}, as {@link ImageViewRecipes} chooses the image ones: {@link ExampleRecipe#TWO_VIEWS} draws two
 * augmented log-mel views ({@link dev.autodidact.media.audio.views.AudioTwoViewsRecipe}: simclr, byol),
 * {@link ExampleRecipe#MASKED_PATCHES} one log-mel view and a patch mask
 * ({@link dev.autodidact.media.audio.views.AudioMaskedSpectrogramRecipe}: mae) and {@link ExampleRecipe#WAVEFORM} one
 * augmented raw-waveform crop ({@link dev.autodidact.media.audio.views.AudioWaveformRecipe}: cpc, wav2vec2), each with
 * the knobs of {@link AudioKeys}. Any other kind (multi-crop, rotation, jigsaw, ...) is an image task with no audio
 * recipe, and is refused when the configuration is read, not when the first record arrives.
 */
public final class AudioViewRecipes {
    private AudioViewRecipes() {}

    /** @return the names of the catalogue's methods that learn from audio, in catalogue order */
    public static List<String> names() {
        return MethodCatalog.names(Modality.AUDIO);
    }

    /**
     * @param method an SSL method name, e.g. {@code simclr}
     * @param config the configuration the recipe reads its knobs from
     * @return the recipe
     * @throws ConfigException if the catalogue has no such method, the method does not learn from audio, or the audio
     *     stream has no recipe for the kind of example it asks for
     */
    public static AudioRecipe forMethod(String method, AbstractConfig config) {
        return forEntry(entry(method), config);
    }

    /**
     * @param method an SSL method name
     * @return its catalogue entry
     * @throws ConfigException naming the audio methods if there is no such method or it does not learn from audio
     */
    public static MethodEntry entry(String method) {
        MethodEntry entry = MethodCatalog.find(method)
                .orElseThrow(() -> new ConfigException("Unknown method '" + method + "'; audio methods: " + names()));
        if (!entry.supports(Modality.AUDIO)) {
            throw new ConfigException("Method '" + method + "' does not learn from audio; audio methods: " + names());
        }
        return entry;
    }

    /**
     * @param entry a method that learns from audio, catalogued or not
     * @param config the configuration the recipe reads its knobs from
     * @return the recipe for the example the method asks for
     * @throws ConfigException if the audio stream has no recipe for that kind of example, or its knobs are invalid
     */
    public static AudioRecipe forEntry(MethodEntry entry, AbstractConfig config) {
        return switch (entry.recipe()) {
            case TWO_VIEWS, MASKED_PATCHES, WAVEFORM -> AudioKeys.recipe(entry.recipe(), config);
            default ->
                throw new ConfigException("Method '" + entry.name() + "' asks for '"
                        + entry.recipe().id()
                        + "' examples, which the audio stream-app cannot make; audio recipes: two-views,"
                        + " masked-patches, waveform");
        };
    }
}
